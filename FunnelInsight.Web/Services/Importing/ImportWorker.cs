using FunnelInsight.Core.Import.Jobs;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// Runs queued imports in the background, one at a time, removes their uploads, and has the store's analytics loaded
/// again before the merchant opens a chart. On SQLite it takes them from this process's queue; on PostgreSQL it claims
/// them from the shared jobs table (<see cref="SharedImportRunner"/>), looking at once when a job is queued here and
/// every <c>Imports:PollSeconds</c> (default 2) for jobs queued on other instances or left by one that died.
/// </summary>
public sealed partial class ImportWorker(ImportJobs queue, ImportService imports, InterruptedImports interrupted, UploadGuard uploads,
    IFunnelAnalytics analytics, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan SweepWait = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (queue.Shared is { } shared)
        {
            await uploads.RemoveLeftoversAsync(shared.Jobs, stoppingToken);
            await RunSharedAsync(shared, stoppingToken);
            return;
        }

        await uploads.RemoveLeftoversAsync(null, stoppingToken);
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, token => imports.ImportAsync(job.Request, job, token), stoppingToken);
        }
    }

    private async Task RunSharedAsync(SharedImportRunner shared, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedImportJob? claimed;
            try
            {
                claimed = await shared.ClaimAsync(stoppingToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                LogClaimFailed(logger, ex.Message);
                claimed = null;
            }

            if (claimed is null)
            {
                await queue.WaitForWorkAsync(shared.Poll, stoppingToken);
                continue;
            }

            var job = queue.RunningHere(claimed);
            await RunAsync(job, token => shared.RunAsync(claimed, job, token), stoppingToken, claimed.Request.FilePath);
        }
    }

    private async Task RunAsync(ImportJob job, Func<CancellationToken, Task<ImportResult>> run, CancellationToken stoppingToken, string? filePath = null)
    {
        // An import that could not record its end is marked interrupted before the next one starts.
        await interrupted.SweepAsync(SweepWait, stoppingToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.CancellationToken);
        ImportResult result;
        try
        {
            result = await run(cancel.Token);
        }
#pragma warning disable CA1031 // The worker outlives any one import: a broken import is reported on its page, never the end of the queue.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogImportCrashed(logger, ex, job.Request.FileName);
            // Our own refusals (a store deleted meanwhile) are said as they are; anything else is in the log, not on the page.
            result = ImportResult.Ended(0, ImportStatus.Failed,
                ex is ArgumentException ? ImportReason.Plain(ex.Message) : ImportReason.Of(ImportReasonCode.Unexpected));
        }
        finally
        {
            UploadGuard.Remove(filePath ?? job.Request.FilePath);
            queue.Completed(job);
        }

        job.Finish(result);
        job.Dispose();
        if (result is { Status: ImportStatus.Succeeded, RowsStored: > 0 })
        {
            await WarmAsync(job.Request.StoreId, stoppingToken);
        }
    }

    private async Task WarmAsync(int storeId, CancellationToken stoppingToken)
    {
        try
        {
            await analytics.WarmAsync(storeId, stoppingToken);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Data.Common.DbException)
        {
            // The store was deleted meanwhile, or the database is busy: the first question loads it instead.
            LogWarmSkipped(logger, storeId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics of store {StoreId} not loaded ahead: {Reason}")]
    private static partial void LogWarmSkipped(ILogger logger, int storeId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {FileName} failed unexpectedly")]
    private static partial void LogImportCrashed(ILogger logger, Exception exception, string? fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import jobs could not be claimed ({Reason}); trying again")]
    private static partial void LogClaimFailed(ILogger logger, string reason);
}
