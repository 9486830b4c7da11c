using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.EventBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// What a schema upgrade leaves for code to do after the migrations have run: pack events stored a row each into
/// blocks (<see cref="LegacyEventConverter"/>), and build the session rollups of any store that has events but none
/// (the SessionBlocks migration drops rollups stored a row each, since they are derived from the events).
/// </summary>
internal static class StorageUpgrade
{
    /// <summary>Does what is left to do; returns the stores whose rollups were built.</summary>
    public static IReadOnlyList<int> Run(SqliteConnection connection)
    {
        LegacyEventConverter.Run(connection);
        var stores = new List<int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT s.Id FROM Stores s
                WHERE EXISTS (SELECT 1 FROM EventBlocks e WHERE e.Id BETWEEN s.Id * {StoreRowIds.PerStore} AND (s.Id + 1) * {StoreRowIds.PerStore} - 1)
                  AND NOT EXISTS (SELECT 1 FROM SessionBlocks b WHERE b.Id BETWEEN s.Id * {StoreRowIds.PerStore} AND (s.Id + 1) * {StoreRowIds.PerStore} - 1)
                ORDER BY s.Id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stores.Add(reader.GetInt32(0));
            }
        }

        foreach (var storeId in stores)
        {
            using var transaction = connection.BeginTransaction();
            var rules = SessionRules.Read(connection, transaction, storeId)!;
            StoreRollups.Rebuild(connection, transaction, storeId, rules.Map, rules.SessionTimeout, CancellationToken.None);
            transaction.Commit();
        }

        return stores;
    }
}
