using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// Runs queued imports in the background, one at a time (SQLite has one writer), removes their uploads, and has the
/// store's analytics loaded again before the merchant opens a chart.
/// </summary>
public sealed partial class ImportWorker(ImportJobs queue, ImportService imports, UploadGuard uploads, IFunnelAnalytics analytics,
    ILogger<ImportWorker> logger) : BackgroundService
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
            if (result is { Status: ImportStatus.Succeeded, RowsStored: > 0 })
            {
                await WarmAsync(job.Request.StoreId, stoppingToken);
            }
        }
    }

    private async Task WarmAsync(int storeId, CancellationToken stoppingToken)
    {
        try
        {
            await analytics.WarmAsync(storeId, stoppingToken);
        }
        catch (Exception ex) when (ex is ArgumentException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The store was deleted meanwhile, or the database is busy: the first question loads it instead.
            LogWarmSkipped(logger, storeId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics of store {StoreId} not loaded ahead: {Reason}")]
    private static partial void LogWarmSkipped(ILogger logger, int storeId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {FileName} failed unexpectedly")]
    private static partial void LogImportCrashed(ILogger logger, Exception exception, string? fileName);
}
