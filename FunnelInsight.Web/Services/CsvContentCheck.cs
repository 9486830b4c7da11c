using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Web.Services;

/// <summary>
/// Looks at the first bytes of an upload and says why it is not a CSV export, if it is not: Core's
/// <see cref="ExportContent"/>, the check the command line makes too, so one file gets one verdict.
/// </summary>
internal static class CsvContentCheck
{
    /// <summary>How much of an upload the check looks at.</summary>
    public const int SniffBytes = ExportEncoding.SniffBytes;

    /// <summary>Null when <paramref name="head"/> looks like the start of a CSV file; otherwise why it does not.</summary>
    public static UploadRefusal? Problem(ReadOnlySpan<byte> head) =>
        ExportContent.Problem(head) is { } problem ? Refusal(problem) : null;

    /// <summary>The English rest of a sentence that begins with the file's name (the upload API's words).</summary>
    public static string Sentence(UploadRefusal refusal) => ExportContent.Sentence(Problem(refusal));

    // The upload's refusals name each content problem alike.
    private static UploadRefusal Refusal(ContentProblem problem) => Enum.Parse<UploadRefusal>(problem.ToString());

    private static ContentProblem Problem(UploadRefusal refusal) =>
        Enum.TryParse<ContentProblem>(refusal.ToString(), out var problem)
            ? problem
            : throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a content refusal.");
}
