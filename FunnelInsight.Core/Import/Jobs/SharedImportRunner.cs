using FunnelInsight.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelInsight.Core.Import.Jobs;

/// <summary>
/// Runs shared import jobs for one instance (<see cref="Owner"/>): claims them, settles what a dead instance left of a
/// job it takes over, imports while renewing the lease every third of it (and writing the progress there, for pages on
/// other instances), stops when a user asks from any instance or the lease was lost, and ends the job. Re-running a job
/// never stores an event twice: an import stores only what the store does not already hold.
/// </summary>
public sealed partial class SharedImportRunner
{
    private readonly FunnelDatabase _database;
    private readonly ImportService _imports;
    private readonly ILogger _logger;

    /// <summary>A runner for the instance <paramref name="owner"/>.</summary>
    /// <param name="database">The shared application database.</param>
    /// <param name="jobs">Its jobs table.</param>
    /// <param name="imports">What runs an import.</param>
    /// <param name="owner">This instance's name in the table (unique among the instances).</param>
    /// <param name="lease">How long a claim holds without renewal; another instance takes the job over after it.</param>
    /// <param name="logger">Where takeovers and lost leases are said.</param>
    public SharedImportRunner(FunnelDatabase database, SharedImportJobs jobs, ImportService imports, string owner, TimeSpan lease, ILogger? logger = null)
    {
        (_database, Jobs, _imports, Owner, Lease) = (database, jobs, imports, owner, lease);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The jobs table.</summary>
    public SharedImportJobs Jobs { get; }

    /// <summary>This instance's name in the table.</summary>
    public string Owner { get; }

    /// <summary>How long a claim holds without renewal.</summary>
    public TimeSpan Lease { get; }

    /// <summary>How often an idle instance looks for jobs queued on another instance or left by one that died.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Claims the next job for this instance; null when none is waiting.</summary>
    public Task<ClaimedImportJob?> ClaimAsync(CancellationToken cancellationToken = default) => Jobs.ClaimAsync(Owner, Lease, cancellationToken);

    /// <summary>
    /// Runs a claimed job to its end and ends it in the table; its result. A job taken over whose earlier attempt had
    /// committed is not run again: its result is that attempt's.
    /// </summary>
    public async Task<ImportResult> RunAsync(ClaimedImportJob job, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.PreviousImportId is { } previous)
        {
            var status = await new InterruptedImports(_database).TakeOverAsync(previous, cancellationToken);
            LogTakenOver(_logger, job.Id, job.Attempt, previous, status);
            var earlier = await new ImportHistory(_database).ResultAsync(job.Request.StoreId, previous, cancellationToken);
            if (earlier is not null && (status == ImportStatus.Succeeded || job.Attempt > MaxAttempts))
            {
                // Done already, or it took its instance down too often to be tried again.
                await Jobs.EndAsync(job.Id, Owner, previous, CancellationToken.None);
                return earlier;
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beat = new Beat(this, job.Id, progress, stop);
        using var beating = new CancellationTokenSource();
        var heartbeat = Task.Run(() => beat.RunAsync(beating.Token), CancellationToken.None);
        ImportResult? result = null;
        try
        {
            result = await _imports.ImportAsync(job.Request, beat, stop.Token);
            return result;
        }
        finally
        {
            await beating.CancelAsync();
            await heartbeat;

            // Whatever the outcome (a store deleted meanwhile throws): the job is done with, its record says how.
            if (!await Jobs.EndAsync(job.Id, Owner, result?.ImportId ?? beat.ImportId, CancellationToken.None))
            {
                LogLeaseLost(_logger, job.Id, result?.ImportId ?? beat.ImportId);
            }
        }
    }

    /// <summary>How many times a job is claimed before one that keeps losing its instance is left interrupted.</summary>
    public const int MaxAttempts = 3;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} taken over (attempt {Attempt}): its earlier import {ImportId} ended {Status}")]
    private static partial void LogTakenOver(ILogger logger, long jobId, int attempt, int importId, ImportStatus? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} was no longer held by this instance when its import {ImportId} ended")]
    private static partial void LogLeaseLost(ILogger logger, long jobId, int importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId}: the lease could not be renewed ({Reason})")]
    private static partial void LogRenewFailed(ILogger logger, long jobId, string reason);

    // The import's progress, passed on and written to the table with each renewal. The first report that carries the
    // import's record is written at once, before the import writes anything, so that nobody takes the record for a dead one.
    private sealed class Beat(SharedImportRunner runner, long jobId, IProgress<ImportProgress>? progress, CancellationTokenSource stop) : IProgress<ImportProgress>
    {
        private readonly Lock _lock = new();
        private ImportProgress _latest = new(ImportPhase.Waiting, 0, 0, 0);

        public int ImportId
        {
            get
            {
                lock (_lock)
                {
                    return _latest.ImportId;
                }
            }
        }

        public void Report(ImportProgress value)
        {
            bool first;
            lock (_lock)
            {
                first = _latest.ImportId == 0 && value.ImportId > 0;
                _latest = value;
            }

            if (first)
            {
                RenewAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            progress?.Report(value);
        }

        public async Task RunAsync(CancellationToken beating)
        {
            var every = runner.Lease / 3;
            do
            {
                await RenewAsync(beating);
            }
            while (!await WaitAsync(every, beating));
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            ImportProgress latest;
            lock (_lock)
            {
                latest = _latest;
            }

            try
            {
                var (held, cancelRequested) = await runner.Jobs.RenewAsync(jobId, runner.Owner, runner.Lease, latest, cancellationToken);
                if (!held || cancelRequested)
                {
                    await stop.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The import ended while renewing.
            }
            catch (DbException ex)
            {
                // The database is unreachable for a moment: the lease holds until it passes.
                LogRenewFailed(runner._logger, jobId, ex.Message);
            }
        }

        // True once beating is cancelled.
        private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken beating)
        {
            try
            {
                await Task.Delay(delay, beating);
                return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }
    }
}
