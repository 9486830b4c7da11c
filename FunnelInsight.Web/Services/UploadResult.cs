namespace FunnelInsight.Web.Services;

/// <summary>What became of an upload: the stored file, or why it was refused.</summary>
/// <param name="File">The stored file, when accepted.</param>
/// <param name="Rejection">Why the file was refused, in English words (the upload API's answer), when refused.</param>
/// <param name="Refusal">Why the file was refused, as a code a page puts in the user's language, when refused.</param>
public sealed record UploadResult(StoredUpload? File, string? Rejection, UploadRefusal? Refusal = null)
{
    /// <summary>True when the refusal is the size limit.</summary>
    public bool TooLarge => Refusal == UploadRefusal.TooLarge;

    /// <summary>An accepted upload.</summary>
    public static UploadResult Accepted(StoredUpload file) => new(file, null);

    /// <summary>A refused upload.</summary>
    public static UploadResult Refused(UploadRefusal refusal, string message) => new(null, message, refusal);
}
