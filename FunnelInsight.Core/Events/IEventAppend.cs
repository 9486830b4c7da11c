using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Events;

/// <summary>
/// One import's events on their way into the store (see <see cref="IEventStore.BeginAppend"/>). Disposing it without
/// <see cref="Complete"/> abandons the append; nothing of it is stored once the import's transaction rolls back.
/// </summary>
internal interface IEventAppend : IDisposable
{
    /// <summary>The id the import's first event takes; the caller numbers its batches on from here.</summary>
    long FirstEventId { get; }

    /// <summary>Stores a batch of parsed events, numbered on from the previous batch; may run after it returns.</summary>
    void Add(EventBatch batch);

    /// <summary>
    /// Stores what is left, takes out the events the store already had (by their identity), and rolls up again the
    /// sessions this import touched; <paramref name="buildingRollups"/> is called when that starts.
    /// </summary>
    /// <returns>The import's new events and its duplicates.</returns>
    AppendOutcome Complete(Action buildingRollups, CancellationToken cancellationToken);
}

/// <summary>What an append stored.</summary>
/// <param name="Stored">New events kept.</param>
/// <param name="Duplicates">Events the store already had (or that the file repeated), not kept.</param>
internal readonly record struct AppendOutcome(long Stored, long Duplicates)
{
    /// <summary>What rolling the touched sessions up again read and wrote, when the engine counts it.</summary>
    public RollupRead? RolledUp { get; init; }
}
