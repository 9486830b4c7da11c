using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Core.Import;

/// <summary>The file as a whole cannot be imported (not CSV text, no header, unknown layout, a required column missing).</summary>
/// <param name="reason">What is wrong, as a code and its figures; the exception's message is its English text.</param>
/// <param name="content">When the file is not CSV text at all: why, as <see cref="ExportContent"/> found it.</param>
public sealed class ImportFileException(ImportReason reason, ContentProblem? content = null) : Exception(reason.Text)
{
    /// <summary>What is wrong, as a code and its figures.</summary>
    public ImportReason Reason { get; } = reason;

    /// <summary>Why the file is not CSV text, when that is the trouble; null otherwise.</summary>
    public ContentProblem? Content { get; } = content;
}
