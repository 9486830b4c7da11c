using FunnelInsight.Core.Import.Jobs;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// Keeps the shared jobs watched on this instance (a page's progress bar, an upload request waiting for its result)
/// up to date while another instance runs them: every second it reads their progress from the jobs table, and once a
/// job has ended, its result from the import's record.
/// </summary>
public sealed partial class SharedJobWatch(ImportJobs queue, ImportHistory history, ILogger<SharedJobWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (queue.Shared is not { } shared)
        {
            return;
        }

        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var job in queue.WatchedElsewhere.ToList())
            {
                try
                {
                    await FollowAsync(shared.Jobs, job, stoppingToken);
                }
                catch (System.Data.Common.DbException ex)
                {
                    LogReadFailed(logger, job.SharedId ?? 0, ex.Message);
                }
            }
        }
    }

    private async Task FollowAsync(SharedImportJobs jobs, ImportJob job, CancellationToken cancellationToken)
    {
        var status = await jobs.StatusAsync(job.SharedId!.Value, cancellationToken);
        if (job.RunsHere)
        {
            // Claimed here since it was listed: the worker reports it now.
            return;
        }

        if (status is { State: not ImportJobState.Ended })
        {
            ((IProgress<ImportProgress>)job).Report(status.Progress);
            return;
        }

        var importId = status?.Progress.ImportId ?? 0;
        var result = importId > 0 ? await history.ResultAsync(job.Request.StoreId, importId, cancellationToken) : null;
        queue.Completed(job);
        job.Finish(result ?? ImportResult.Ended(importId, ImportStatus.Cancelled, ImportReason.Of(ImportReasonCode.Cancelled)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId}: its progress could not be read ({Reason})")]
    private static partial void LogReadFailed(ILogger logger, long jobId, string reason);
}
