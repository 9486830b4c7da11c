using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage.EventBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>Reads a store's stored events into rollup partitions, straight from their blocks' UTF-8 text.</summary>
internal static class StoredEventReader
{
    /// <summary>Adds every event of the store to <paramref name="partitions"/>; returns how many.</summary>
    public static long ReadInto(SqliteConnection connection, int storeId, EventPartitions partitions, CancellationToken cancellationToken) =>
        EventBlockStore.Read(connection, storeId, (long id, in EventRow row, ReadOnlySpan<byte> text) => partitions.Add(id, row, text), cancellationToken);
}
