using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import;

/// <summary>The file as a whole cannot be imported (not CSV text, no header, unknown layout, a required column missing).</summary>
/// <param name="message">What is wrong, in plain words.</param>
/// <param name="content">When the file is not CSV text at all: why, as <see cref="ExportContent"/> found it.</param>
public sealed class ImportFileException(string message, ContentProblem? content = null) : Exception(message)
{
    /// <summary>Why the file is not CSV text, when that is the trouble; null otherwise.</summary>
    public ContentProblem? Content { get; } = content;
}
