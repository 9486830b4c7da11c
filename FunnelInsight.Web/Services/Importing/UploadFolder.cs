using Microsoft.Extensions.Options;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>Streams uploads to files on disk, where they wait for their import; never holds a whole file in memory.</summary>
public sealed class UploadFolder(IOptions<UploadOptions> options)
{
    private const string Extension = ".upload";
    private readonly UploadOptions _options = options.Value;

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes => _options.MaxBytes;

    /// <summary>
    /// Copies <paramref name="source"/> to a new file and returns its path, reporting bytes written. A stream longer
    /// than <see cref="MaxBytes"/> stops the copy and throws <see cref="UploadTooLargeException"/>; a failed copy
    /// leaves no file behind.
    /// </summary>
    public async Task<string> SaveAsync(Stream source, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.Folder);
        var path = Path.Combine(_options.Folder, Guid.NewGuid().ToString("N") + Extension);
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > _options.MaxBytes)
                {
                    throw new UploadTooLargeException(_options.MaxBytes);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(total);
            }
        }
        catch
        {
            Delete(path);
            throw;
        }

        return path;
    }

    /// <summary>Removes an upload once it is imported or abandoned.</summary>
    public static void Delete(string path)
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

    /// <summary>Removes uploads a previous run left behind (their imports were marked interrupted).</summary>
    public void DeleteLeftovers()
    {
        if (Directory.Exists(_options.Folder))
        {
            foreach (var file in Directory.EnumerateFiles(_options.Folder, "*" + Extension))
            {
                Delete(file);
            }
        }
    }
}

/// <summary>An upload went past the configured size limit.</summary>
public sealed class UploadTooLargeException(long maxBytes) : IOException($"The file is larger than the {maxBytes:N0}-byte upload limit.")
{
    /// <summary>The limit that was passed.</summary>
    public long MaxBytes { get; } = maxBytes;
}
