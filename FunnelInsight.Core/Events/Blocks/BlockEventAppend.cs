using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>
/// An import into event blocks, on every core: the caller's thread parses rows into batches, while a
/// <see cref="WriteQueue"/> thread spreads them over the rollup partitions (which hold the store's events so far too),
/// packs them into event blocks and stores them; then the caller's thread and a helper per other core (up to four in
/// all) roll every partition up, while the queue stores the session blocks and takes repeated events out of their blocks.
/// </summary>
internal sealed class BlockEventAppend : IEventAppend
{
    // A canonical export row is about 80 bytes; guessing fewer bytes a row errs towards smaller partitions.
    private const int BytesPerRowGuess = 60;

    private readonly StoreWrite _write;
    private readonly SessionRules _rules;
    private readonly StageTracker _stages;
    private readonly EventPartitions _partitions;
    private readonly WriteQueue _queue;
    private readonly EventBlockWriter _writer;
    private readonly RollupWriter _rollups;
    private long _nextId;

    public BlockEventAppend(StoreWrite write, int importId, SessionRules rules, long fileBytes, CancellationToken cancellationToken)
    {
        (_write, _rules) = (write, rules);
        FirstEventId = _nextId = EventBlockStore.NextEventId(write.Connection, write.Transaction, write.StoreId);
        _stages = new StageTracker(rules.Map);
        // The store's events so far go into the partitions first: new rows are checked against them and their sessions rebuilt.
        _partitions = new EventPartitions(StoreRollups.TemporaryFolder(), FirstEventId - StoreRowIds.First(write.StoreId) + (fileBytes / BytesPerRowGuess), stages: _stages);
        try
        {
            StoredEventReader.ReadInto(write.Connection, write.StoreId, _partitions, cancellationToken);
            _queue = new WriteQueue();
            _writer = _queue.Own(new EventBlockWriter(write.Connection, importId));
            _rollups = _queue.Own(new RollupWriter(write.Connection, write.StoreId, FirstEventId, _queue.Post));
        }
        catch
        {
            _queue?.Dispose();
            _partitions.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public long FirstEventId { get; }

    /// <inheritdoc />
    public void Add(EventBatch batch)
    {
        _nextId = batch.FirstId + batch.Count;
        _queue.Post(() => Store(batch));
    }

    /// <inheritdoc />
    public void Beside(Action recordWrite) => _queue.Post(recordWrite);

    /// <inheritdoc />
    public AppendOutcome Complete(Action buildingRollups, CancellationToken cancellationToken)
    {
        _queue.Post(_writer.Flush);
        if (_nextId > FirstEventId)
        {
            buildingRollups();
            _queue.WaitForWrites(); // every row is in its partition
            _queue.Post(() => SessionBlockStore.DeleteStore(_write.Connection, _write.Transaction, _write.StoreId));
            new SessionRollupBuilder(_rules.Map, _rules.SessionTimeout)
                .Build(_partitions, _stages.Tracked, RollupWriter.NewSink, _rollups.HandOver, cancellationToken, SessionRollupBuilder.DefaultThreads);
            _rollups.Flush();
        }

        _queue.Complete();
        return new AppendOutcome(_nextId - FirstEventId - _rollups.NewRepeats, _rollups.NewRepeats);
    }

    public void Dispose()
    {
        _queue.Dispose();
        _partitions.Dispose();
    }

    // On the write thread: the batch goes into its blocks and, row by row, into the rollup partitions.
    private void Store(EventBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            _partitions.Add(batch.FirstId + i, batch[i], batch.TextBuffer);
        }

        _writer.Write(batch);
    }
}
