using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>Runs queued imports in the background, one at a time (SQLite has one writer), and removes their uploads.</summary>
public sealed partial class ImportWorker(ImportJobs queue, ImportService imports, UploadGuard uploads, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        uploads.RemoveLeftovers();
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.CancellationToken);
            ImportResult result;
            try
            {
                result = await imports.ImportAsync(job.Request, job, cancel.Token);
            }
#pragma warning disable CA1031 // The worker outlives any one import: a broken import is reported on its page, never the end of the queue.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogImportCrashed(logger, ex, job.Request.FileName);
                result = new ImportResult(0, ImportStatus.Failed, "", "", 0, 0, 0, 0, [], ex.Message);
            }
            finally
            {
                UploadGuard.Remove(job.Request.FilePath);
                queue.Completed(job);
            }

            job.Finish(result);
            job.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {FileName} failed unexpectedly")]
    private static partial void LogImportCrashed(ILogger logger, Exception exception, string? fileName);
}
