using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Web.Services;

/// <summary>
/// Checks and keeps an uploaded export before it is imported: a size limit (<c>Uploads:MaxBytes</c>, 1 GB by
/// default), a content check (text with a delimited header, not a binary, archive or web page, whatever the
/// extension says), a sanitised file name, and storage under the store's folder in <see cref="Folder"/> (never
/// under wwwroot), to be removed with <see cref="Remove"/> once the import ends.
/// </summary>
public sealed class UploadGuard(FunnelDatabase database, IConfiguration configuration)
{
    // An upload younger than this may be in another instance's preview, not yet queued: a start leaves it alone.
    private static readonly TimeSpan SharedLeftoverAge = TimeSpan.FromDays(1);

    /// <summary>The default size limit: 1 GB.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    private const int SniffBytes = ExportEncoding.SniffBytes;
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt"];

    /// <summary>
    /// Where uploads wait for their import: <c>Uploads:Folder</c>, by default the <c>files</c> folder beside the database.
    /// Instances that share a database must share this folder (the one that claims a job reads the file another received).
    /// </summary>
    public string Folder { get; } = configuration["Uploads:Folder"] is { Length: > 0 } folder ? Path.GetFullPath(folder) : database.FilesFolder;

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; } = configuration.GetValue("Uploads:MaxBytes", DefaultMaxBytes);

    /// <summary>Checks and stores an upload for <paramref name="storeId"/>; the file is kept only when accepted.</summary>
    /// <param name="storeId">The store the file goes into.</param>
    /// <param name="fileName">The name the client gave; sanitised before use.</param>
    /// <param name="content">The upload, read once, as it arrives.</param>
    /// <param name="declaredLength">The length the client announced, if any (refused early when over the limit).</param>
    /// <param name="progress">Bytes stored so far, for a progress bar.</param>
    /// <param name="cancellationToken">Stops the upload; the partial file is removed.</param>
    public async Task<UploadResult> SaveAsync(int storeId, string? fileName, Stream content, long? declaredLength, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var name = UploadFileName.Sanitise(fileName);
        if (name is null)
        {
            return UploadResult.Refused(UploadRefusal.BadFileName, "The file name is empty or has no usable characters. Rename the file (for example events.csv) and upload it again.");
        }

        if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return UploadResult.Refused(UploadRefusal.NotCsvExtension, $"\"{name}\" is not a CSV file. Only .csv, .tsv or .txt exports can be imported.");
        }

        if (declaredLength > MaxBytes)
        {
            return TooLarge();
        }

        // Never more than one byte past the limit, so that an oversized upload is told so rather than cut off by the server.
        var head = new byte[(int)Math.Min(SniffBytes, MaxBytes + 1)];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        // Core's check, the one the command line makes too, so one file gets one verdict.
        if (ExportContent.Problem(head.AsSpan(0, headLength)) is { } problem)
        {
            return UploadResult.Refused(problem, name);
        }

        var folder = Path.Combine(Folder, Path.GetFileName(database.StoreFilesFolder(storeId)));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.csv");
        long length = headLength;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await file.WriteAsync(head.AsMemory(0, headLength), cancellationToken);
            progress?.Report(length);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0 && length <= MaxBytes)
            {
                length += read;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(length);
            }
        }
        catch
        {
            // A cancelled or broken upload leaves no partial file behind.
            File.Delete(path);
            throw;
        }

        if (length > MaxBytes)
        {
            File.Delete(path);
            return TooLarge();
        }

        return UploadResult.Accepted(new StoredUpload(path, name, length));
    }

    /// <summary>Deletes a stored upload (call when its import has ended, whatever the outcome).</summary>
    public static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open somewhere: the start-up sweep removes it next time.
        }
    }

    /// <summary>
    /// Removes uploads a previous run left behind in the stores' folders (their imports were marked interrupted). With
    /// shared <paramref name="jobs"/>, the uploads of jobs still queued or running, and uploads of the last day (another
    /// instance may be previewing one), are kept.
    /// </summary>
    public async Task RemoveLeftoversAsync(Core.Import.Jobs.SharedImportJobs? jobs, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        var keep = jobs is null ? null : await jobs.PendingUploadsAsync(cancellationToken);
        foreach (var path in Directory.EnumerateFiles(Folder, "upload-*.csv", SearchOption.AllDirectories))
        {
            if (keep is null || (!keep.Contains(Path.GetFullPath(path)) && File.GetLastWriteTimeUtc(path) < DateTime.UtcNow - SharedLeftoverAge))
            {
                Remove(path);
            }
        }
    }

    /// <summary>A byte count in words: <c>1 GB</c>, <c>250 MB</c>.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    /// <summary>What an oversized upload is told, however it was sent (with a length or without one).</summary>
    public string TooLargeMessage => $"The file is larger than the upload limit of {Describe(MaxBytes)}. Split the export into smaller files (for example by month) and upload each.";

    private UploadResult TooLarge() => UploadResult.Refused(UploadRefusal.TooLarge, TooLargeMessage);
}
