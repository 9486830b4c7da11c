using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>Builds a store's session rollups from its stored events, inside the caller's transaction.</summary>
internal static class StoreRollups
{
    /// <summary>Replaces the store's session rollups, on the calling thread; returns how many sessions it wrote.</summary>
    public static long Rebuild(SqliteConnection connection, SqliteTransaction transaction, int storeId, StageMap map, TimeSpan sessionTimeout, CancellationToken cancellationToken)
    {
        var next = EventBlockStore.NextEventId(connection, transaction, storeId);
        var stages = new StageTracker(map);
        using var partitions = new EventPartitions(TemporaryFolder(), next - StoreRowIds.First(storeId), stages: stages);
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

    private const string FolderPrefix = "funnelinsight-rollup-";

    /// <summary>A new folder name for one build's partition files (created only if a partition spills).</summary>
    public static string TemporaryFolder() => Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));

    /// <summary>The file in a partition folder that its building process holds locked (see <see cref="OwnerLock"/>).</summary>
    public const string OwnerLockName = "owner.lock";

    // A folder without its lock yet is one being made this instant (the lock follows at once), or one from an older version.
    private static readonly TimeSpan UnlockedAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Deletes the partition folders of builds whose process has ended (killed, crashed), at once: a folder whose owner
    /// lock is free. A build still running, here or in another process, holds its lock and keeps its files. Returns how many.
    /// </summary>
    public static int RemoveLeftovers()
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var ownerLock = Path.Combine(folder, OwnerLockName);
                var dead = File.Exists(ownerLock) ? !OwnerLock.IsHeld(ownerLock) : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > UnlockedAge;
                if (dead)
                {
                    Directory.Delete(folder, recursive: true);
                    removed++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone already, or another user's: left for the next sweep.
            }
        }

        return removed;
    }
}
