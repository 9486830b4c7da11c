using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Web.Services;

/// <summary>What became of an upload: the stored file, or why it was refused.</summary>
/// <param name="File">The stored file, when accepted.</param>
/// <param name="Rejection">Why the file was refused, in English words (the upload API's answer), when refused.</param>
/// <param name="Refusal">Why the file was refused, as a code a page puts in the user's language, when refused.</param>
/// <param name="Content">What is wrong with the file's first bytes, when <paramref name="Refusal"/> is <see cref="UploadRefusal.NotCsvContent"/>.</param>
public sealed record UploadResult(StoredUpload? File, string? Rejection, UploadRefusal? Refusal = null, ContentProblem? Content = null)
{
    /// <summary>True when the refusal is the size limit.</summary>
    public bool TooLarge => Refusal == UploadRefusal.TooLarge;

    /// <summary>An accepted upload.</summary>
    public static UploadResult Accepted(StoredUpload file) => new(file, null);

    /// <summary>A refused upload.</summary>
    public static UploadResult Refused(UploadRefusal refusal, string message) => new(null, message, refusal);

    /// <summary>An upload refused for its content: <paramref name="name"/> followed by Core's sentence for <paramref name="problem"/>.</summary>
    public static UploadResult Refused(ContentProblem problem, string name) =>
        new(null, $"\"{name}\" {ExportContent.Sentence(problem)}", UploadRefusal.NotCsvContent, problem);
}
