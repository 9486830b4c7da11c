using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>Builds a store's session rollups from its stored events, inside the caller's transaction.</summary>
internal static class StoreRollups
{
    /// <summary>Replaces the store's session rollups, on the calling thread; returns how many sessions it wrote.</summary>
    public static long Rebuild(SqliteConnection connection, SqliteTransaction transaction, int storeId, StageMap map, TimeSpan sessionTimeout, CancellationToken cancellationToken)
    {
        var next = StoreRowIds.Next(connection, transaction, "Events", storeId);
        using var partitions = new EventPartitions(TemporaryFolder(), next - StoreRowIds.First(storeId));
        StoredEventReader.ReadInto(connection, storeId, partitions, cancellationToken);
        SessionWriter.DeleteStore(connection, transaction, storeId);
        using var writer = new RollupWriter(connection, storeId, next, write => write());
        var sessions = new SessionRollupBuilder(storeId, map, sessionTimeout)
            .Build(partitions, writer.Session, writer.Repeat, null, cancellationToken);
        writer.Flush();
        return sessions;
    }

    /// <summary>A new folder name for one build's partition files (created only if a partition spills).</summary>
    public static string TemporaryFolder() => Path.Combine(Path.GetTempPath(), "funnelinsight-rollup-" + Guid.NewGuid().ToString("N"));
}
