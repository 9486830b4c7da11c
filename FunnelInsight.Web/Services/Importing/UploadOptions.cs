namespace FunnelInsight.Web.Services.Importing;

/// <summary>Upload settings (configuration section <c>Uploads</c>).</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Uploads";

    /// <summary>Largest file accepted, in bytes (<c>Uploads:MaxBytes</c>); 1 GB by default.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Where uploads wait for their import (<c>Uploads:TempFolder</c>); the system temp folder by default.</summary>
    public string? TempFolder { get; set; }

    /// <summary>The folder in use: never under wwwroot, so an upload is never served back.</summary>
    public string Folder => string.IsNullOrWhiteSpace(TempFolder)
        ? Path.Combine(Path.GetTempPath(), "funnelinsight-uploads")
        : Path.GetFullPath(TempFolder);
}
