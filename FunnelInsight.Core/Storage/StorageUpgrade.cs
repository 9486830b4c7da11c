using FunnelInsight.Core.Events.Blocks;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.EventBlocks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// What a schema upgrade leaves for code to do after the migrations have run: pack events stored a row each into
/// blocks (<see cref="LegacyEventConverter"/>), and build the session rollups of any store that has events but none
/// (the SessionBlocks migration drops rollups stored a row each, since they are derived from the events).
/// </summary>
internal static partial class StorageUpgrade
{
    /// <summary>Does what is left to do, saying so to <paramref name="logger"/>; returns the stores whose rollups were built.</summary>
    public static IReadOnlyList<int> Run(SqliteConnection connection, ILogger? logger = null)
    {
        var packed = LegacyEventConverter.Run(connection);
        if (logger is not null && packed > 0)
        {
            LogPacked(logger, packed);
        }

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
            if (logger is not null)
            {
                LogRebuilding(logger, storeId);
            }

            using var transaction = connection.BeginTransaction();
            var rules = SessionRules.Read(connection, transaction, storeId)!;
            BlockRollups.Rebuild(connection, transaction, storeId, rules.Map, rules.SessionTimeout, CancellationToken.None);
            transaction.Commit();
        }

        return stores;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage upgrade: packed {Events} events stored a row each into event blocks")]
    private static partial void LogPacked(ILogger logger, long events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage upgrade: building the session rollups of store {StoreId} from its events")]
    private static partial void LogRebuilding(ILogger logger, int storeId);
}
