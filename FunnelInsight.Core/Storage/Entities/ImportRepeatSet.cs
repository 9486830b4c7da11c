namespace FunnelInsight.Core.Storage.Entities;

/// <summary>
/// The stored events an import also delivered (an overlapping export, or the same file again): they were kept once,
/// under the import that stored them first, and this import's copies were dropped. Deleting that first import keeps
/// them while this one remains, so that deleting one of two overlapping imports leaves what the other brought.
/// </summary>
public sealed class ImportRepeatSet
{
    /// <summary>The import that delivered the events again (also the key).</summary>
    public int ImportId { get; set; }

    /// <summary>The import's store.</summary>
    public int StoreId { get; set; }

    /// <summary>The kept events' ids, a bit each from the start of the store's id range (see <c>EventIdSet</c>).</summary>
    public required byte[] Data { get; set; }
}
