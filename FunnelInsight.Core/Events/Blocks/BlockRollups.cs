using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>Builds a store's session blocks from its event blocks, inside the caller's transaction.</summary>
internal static class BlockRollups
{
    /// <summary>Replaces the store's session rollups, on the calling thread; returns how many sessions it wrote.</summary>
    public static long Rebuild(SqliteConnection connection, SqliteTransaction transaction, int storeId, StageMap map, TimeSpan sessionTimeout, CancellationToken cancellationToken)
    {
        var next = EventBlockStore.NextEventId(connection, transaction, storeId);
        var stages = new StageTracker(map);
        using var partitions = new EventPartitions(StoreRollups.TemporaryFolder(), next - StoreRowIds.First(storeId), stages: stages);
        StoredEventReader.ReadInto(connection, storeId, partitions, cancellationToken);
        SessionBlockStore.DeleteStore(connection, transaction, storeId);
        // Writes run at once, on whichever building thread hands a partition over: the builder hands over one
        // partition at a time, so the connection still serves one thread at a time.
        using var writer = new RollupWriter(connection, storeId, next, write => write());
        var sessions = new SessionRollupBuilder(map, sessionTimeout)
            .Build(partitions, stages.Tracked, RollupWriter.NewSink, writer.HandOver, cancellationToken, SessionRollupBuilder.DefaultThreads);
        writer.Flush();
        return sessions;
    }
}
