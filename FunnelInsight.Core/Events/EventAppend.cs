using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Events;

/// <summary>
/// What an append into either engine keeps of the rows it is given: the ids they take and the time span they cover
/// (only stored events within it can repeat one of them). Each engine writes a row its own way and stores what it
/// was given when the append completes; an append of no events stores nothing.
/// </summary>
/// <param name="importId">The import the events come from.</param>
/// <param name="rules">How the store's events make sessions and stages.</param>
/// <param name="firstEventId">The id the import's first event takes.</param>
internal abstract class EventAppend(int importId, SessionRules rules, long firstEventId) : IEventAppend
{
    private long _nextId = firstEventId;

    /// <inheritdoc />
    public long FirstEventId { get; } = firstEventId;

    /// <summary>The import the events come from.</summary>
    protected int ImportId { get; } = importId;

    /// <summary>How the store's events make sessions and stages.</summary>
    protected SessionRules Rules { get; } = rules;

    /// <summary>The earliest time of the events given so far (microseconds); <see cref="long.MaxValue"/> before any.</summary>
    protected long FirstTimeUs { get; private set; } = long.MaxValue;

    /// <summary>The latest time of the events given so far (microseconds); <see cref="long.MinValue"/> before any.</summary>
    protected long LastTimeUs { get; private set; } = long.MinValue;

    /// <inheritdoc />
    public void Add(EventBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            ref readonly var row = ref batch[i];
            FirstTimeUs = Math.Min(FirstTimeUs, row.TimeUs);
            LastTimeUs = Math.Max(LastTimeUs, row.TimeUs);
            Write(batch, batch.FirstId + i, in row);
        }

        _nextId = batch.FirstId + batch.Count;
        Written();
    }

    /// <inheritdoc />
    public AppendOutcome Complete(Action buildingRollups, CancellationToken cancellationToken)
    {
        Flush();
        var appended = _nextId - FirstEventId;
        return appended == 0 ? new AppendOutcome(0, 0) : Store(appended, buildingRollups, cancellationToken);
    }

    /// <inheritdoc />
    public abstract void Dispose();

    /// <summary>Writes one event, whose text lies in <paramref name="batch"/>, under <paramref name="id"/>.</summary>
    protected abstract void Write(EventBatch batch, long id, in EventRow row);

    /// <summary>Called after each batch is written.</summary>
    protected virtual void Written()
    {
    }

    /// <summary>Writes out what is still buffered, before the events are stored.</summary>
    protected abstract void Flush();

    /// <summary>Keeps the <paramref name="appended"/> events written (one or more) but those the store already had, and rolls up again.</summary>
    protected abstract AppendOutcome Store(long appended, Action buildingRollups, CancellationToken cancellationToken);
}
