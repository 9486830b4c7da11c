using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Domain;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Takes an import's events out of a store kept in event blocks, with the session rollups built from them, inside the
/// caller's write transaction (<see cref="FunnelInsight.Core.Events.IEventStore.DeleteImport"/> of the blocks engine).
/// </summary>
internal static class EventDeletion
{
    /// <summary>
    /// Deletes the events import <paramref name="importId"/> stored that no other import of the store also delivered
    /// (<see cref="ImportRepeatStore"/>), and its repeat record, then rebuilds the store's sessions from the events left;
    /// returns how many events went. Events of imports deleted before, kept then because this one also delivered them,
    /// go now too unless a remaining import delivered them as well.
    /// </summary>
    public static long DeleteImport(SqliteConnection connection, SqliteTransaction transaction, int storeId, int importId, StageMap map, TimeSpan sessionTimeout,
        CancellationToken cancellationToken)
    {
        var kept = ImportRepeatStore.DeliveredByOthers(connection, storeId, importId);
        var remaining = FunnelInsight.Core.Events.StoreImports.Others(connection, storeId, importId);
        var doomed = new EventIdSet(storeId);
        using (var rows = new RawRows(connection, "SELECT Id, ImportId, Data FROM EventBlocks WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id", StoreRowIds.Range(storeId)))
        {
            var decoder = new EventBlockDecoder();
            while (rows.Read())
            {
                // A block of this import, or of one deleted before whose events another import kept alive.
                if (remaining.Contains((int)rows.Int64(1)))
                {
                    continue;
                }

                decoder.Reset(rows.Int64(0), rows.Bytes(2));
                while (decoder.Next(out var id, out _))
                {
                    if (!kept.Contains(id))
                    {
                        doomed.Add(id);
                    }
                }
            }
        }

        EventBlockStore.Delete(connection, storeId, doomed);
        using (var forget = new PositionalStatement(connection, "DELETE FROM ImportRepeats WHERE ImportId = ?1"))
        {
            forget.Bind(1, importId);
            forget.Execute();
        }

        FunnelInsight.Core.Events.Blocks.BlockRollups.Rebuild(connection, transaction, storeId, map, sessionTimeout, cancellationToken);
        return doomed.Count;
    }
}
