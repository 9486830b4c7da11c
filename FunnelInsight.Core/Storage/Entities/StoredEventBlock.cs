namespace FunnelInsight.Core.Storage.Entities;

/// <summary>
/// Up to <see cref="EventBlocks.EventBlockFormat.MaxEvents"/> behavioural events of one import, packed together (see
/// <see cref="EventBlocks.EventBlockFormat"/>). Events are stored this way rather than a row each because nothing
/// looks one event up: they are read whole, store by store, to build the session rollups that the analytics query.
/// An event's stage is not stored either: it is derived through the store's stage map when the rollups are built.
/// </summary>
public sealed class StoredEventBlock
{
    /// <summary>
    /// The id of the block's first event when it was stored (a block that loses events to deduplication keeps its key).
    /// A store's events, and so its blocks, are one id range (StoreRowIds).
    /// </summary>
    public long Id { get; set; }

    /// <summary>The import that stored the block's events.</summary>
    public int ImportId { get; set; }

    /// <summary>The id of the block's last event when it was stored: its events' ids lie between the key and this.</summary>
    public long LastEventId { get; set; }

    /// <summary>Events in the block.</summary>
    public int EventCount { get; set; }

    /// <summary>The packed events.</summary>
    public required byte[] Data { get; set; }
}
