namespace FunnelInsight.Core.Storage.Entities;

/// <summary>
/// Up to <see cref="SessionBlocks.SessionBlockFormat.MaxSessions"/> session rollups of one store, packed together (see
/// <see cref="SessionBlocks.SessionBlockFormat"/>). The analytics read a store's sessions whole into memory, so they
/// are stored in blocks rather than a row each; the rollups are rebuilt from the events whenever they change.
/// </summary>
public sealed class StoredSessionBlock
{
    /// <summary>The id of the block's first session; a store's sessions, and so its blocks, are one id range (StoreRowIds).</summary>
    public long Id { get; set; }

    /// <summary>The id of the block's last session.</summary>
    public long LastSessionId { get; set; }

    /// <summary>Sessions in the block.</summary>
    public int SessionCount { get; set; }

    /// <summary>The packed sessions.</summary>
    public required byte[] Data { get; set; }
}
