namespace FunnelInsight.Web.Services;

/// <summary>What became of an upload: the stored file, or the message to show the user.</summary>
/// <param name="File">The stored file, when accepted.</param>
/// <param name="Rejection">Why the file was refused, in words for the user, when refused.</param>
/// <param name="TooLarge">True when the refusal is the size limit.</param>
public sealed record UploadResult(StoredUpload? File, string? Rejection, bool TooLarge = false)
{
    /// <summary>An accepted upload.</summary>
    public static UploadResult Accepted(StoredUpload file) => new(file, null);

    /// <summary>A refused upload.</summary>
    public static UploadResult Refused(string message, bool tooLarge = false) => new(null, message, tooLarge);
}
