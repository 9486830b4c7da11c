using FunnelInsight.Core.Analytics.Sessions;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Each import's record of the stored events it delivered again (<see cref="Entities.ImportRepeatSet"/>). Statements go
/// through the connection's native handle, so they run inside whatever transaction it has open (the import's).
/// </summary>
internal static class ImportRepeatStore
{
    /// <summary>Records that import <paramref name="importId"/> delivered the stored events <paramref name="ids"/> again.</summary>
    public static void Save(SqliteConnection connection, int storeId, int importId, EventIdSet ids)
    {
        using var insert = new PositionalStatement(connection, "INSERT OR REPLACE INTO ImportRepeats (ImportId, StoreId, Data) VALUES (?1, ?2, ?3)");
        insert.Bind(1, importId);
        insert.Bind(2, storeId);
        insert.Bind(3, ids.ToBytes());
        insert.Execute();
    }

    /// <summary>Every event some import of the store other than <paramref name="exceptImportId"/> delivered again.</summary>
    public static EventIdSet DeliveredByOthers(SqliteConnection connection, int storeId, int exceptImportId)
    {
        var all = new EventIdSet(storeId);
        using var rows = new RawRows(connection, "SELECT Data FROM ImportRepeats WHERE StoreId = ?1 AND ImportId <> ?2", [storeId, exceptImportId]);
        while (rows.Read())
        {
            all.UnionWith(EventIdSet.FromBytes(storeId, rows.Bytes(0).ToArray()));
        }

        return all;
    }
}
