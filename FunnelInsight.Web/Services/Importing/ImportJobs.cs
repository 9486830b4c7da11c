using System.Collections.Concurrent;
using System.Threading.Channels;
using FunnelInsight.Core.Import;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>Imports handed from pages to the background worker, which runs them one at a time, off every circuit.</summary>
public sealed class ImportJobs
{
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<ImportJob, int> _active = new();

    /// <summary>Queues an import of an uploaded file; the worker deletes the file when it is done.</summary>
    public ImportJob Enqueue(ImportRequest request, long fileSize)
    {
        var job = new ImportJob(request, fileSize);
        _active[job] = request.StoreId;
        _channel.Writer.TryWrite(job);
        return job;
    }

    /// <summary>The store's imports that are queued or running.</summary>
    public IReadOnlyList<ImportJob> Active(int storeId) => [.. _active.Where(pair => pair.Value == storeId).Select(pair => pair.Key)];

    internal ChannelReader<ImportJob> Reader => _channel.Reader;

    internal void Completed(ImportJob job) => _active.TryRemove(job, out _);
}
