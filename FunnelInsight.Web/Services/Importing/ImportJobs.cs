using System.Collections.Concurrent;
using System.Threading.Channels;
using FunnelInsight.Core.Import.Jobs;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// Imports handed from pages and the upload API to a background worker, which runs them one at a time, off every
/// circuit. On SQLite they wait in this process's own queue. On PostgreSQL they are rows of the shared jobs table
/// (<paramref name="shared"/>): the worker of any instance may claim one, and a job is watched here whichever instance
/// runs it (its progress read from the table when another does, see <see cref="SharedJobWatch"/>).
/// </summary>
public sealed class ImportJobs(SharedImportRunner? shared = null) : IDisposable
{
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<ImportJob, int> _active = new();
    private readonly ConcurrentDictionary<long, ImportJob> _watched = new();
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>The shared jobs' runner for this instance; null when the jobs are this process's own.</summary>
    public SharedImportRunner? Shared => shared;

    /// <summary>Queues an import of an uploaded file; the worker that runs it deletes the file when it is done.</summary>
    public async Task<ImportJob> EnqueueAsync(ImportRequest request, long fileSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (shared is null)
        {
            var job = new ImportJob(request, fileSize);
            _active[job] = request.StoreId;
            _channel.Writer.TryWrite(job);
            return job;
        }

        var id = await shared.Jobs.EnqueueAsync(request, fileSize, cancellationToken);
        var watched = Watch(id, request, fileSize);
        // This instance's worker looks at once; the others find it at their next look.
        _wake.Release();
        return watched;
    }

    /// <summary>The store's imports that are queued or running (on any instance, for shared jobs).</summary>
    public async Task<IReadOnlyList<ImportJob>> ActiveAsync(int storeId, CancellationToken cancellationToken = default)
    {
        if (shared is not null)
        {
            foreach (var job in await shared.Jobs.ActiveAsync(storeId, cancellationToken))
            {
                Watch(job.Id, new ImportRequest(job.StoreId, ImportKind.Events, "", job.FileName), job.Progress.TotalBytes);
            }
        }

        return [.. _active.Where(pair => pair.Value == storeId).Select(pair => pair.Key)];
    }

    internal ChannelReader<ImportJob> Reader => _channel.Reader;

    /// <summary>The shared jobs watched here that another instance may be running (their progress is read from the table).</summary>
    internal IEnumerable<ImportJob> WatchedElsewhere => _watched.Values.Where(job => !job.RunsHere && job.Result is null);

    /// <summary>Waits until a shared job was queued here or <paramref name="timeout"/> has passed.</summary>
    internal Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>The watch of a shared job this instance's worker has claimed, made when nobody here watched it yet.</summary>
    internal ImportJob RunningHere(ClaimedImportJob claimed)
    {
        var job = Watch(claimed.Id, claimed.Request, claimed.FileSize);
        job.RunsHere = true;
        return job;
    }

    internal void Completed(ImportJob job)
    {
        _active.TryRemove(job, out _);
        if (job.SharedId is { } id)
        {
            _watched.TryRemove(id, out _);
        }
    }

    private ImportJob Watch(long id, ImportRequest request, long fileSize)
    {
        lock (_watched)
        {
            if (!_watched.TryGetValue(id, out var job))
            {
                job = new ImportJob(request, fileSize, id, () => shared!.Jobs.RequestCancelAsync(id));
                _watched[id] = job;
                _active[job] = request.StoreId;
            }

            return job;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _wake.Dispose();
}
