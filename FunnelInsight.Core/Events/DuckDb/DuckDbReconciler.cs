using DuckDB.NET.Data;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Storage.Providers;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// Brings the events database back in line with the application database at start, after a kill between the two
/// commits of a <see cref="StoreWrite"/>: an import whose events DuckDB committed but whose record did not succeed loses
/// them (and its store's sessions are rolled up again); a rebuild is done again with the store's current rules; an
/// import deletion the application database committed is finished; the rows of stores that no longer exist are deleted.
/// </summary>
internal static partial class DuckDbReconciler
{
    /// <summary>Reconciles; returns the stores whose sessions it rolled up again.</summary>
    public static IReadOnlyList<int> Run(DbConnection sqlite, DuckDBConnection connection, ILogger? logger, CancellationToken cancellationToken)
    {
        var pending = new List<(string Kind, int StoreId, int? ImportId)>();
        using (var command = DuckDbFile.Command(connection, "SELECT kind, store_id, import_id FROM pending_writes"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                pending.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
            }
        }

        var rolled = new List<int>();
        foreach (var (kind, storeId, importId) in pending)
        {
            using var transaction = connection.BeginTransaction();
            var rules = SessionRules.Read(sqlite, null, storeId);
            if (kind == DuckDbImportDeletion.Kind && importId is { } deleted && StoreImports.StatusOf(sqlite, deleted) is null && rules is not null)
            {
                // The application database deleted the import; its events had not gone yet.
                DuckDbImportDeletion.Delete(connection, storeId, deleted, StoreImports.Others(sqlite, storeId, deleted), rules, cancellationToken);
                rolled.Add(storeId);
            }

            var undo = kind == "import" && importId is { } id && StoreImports.StatusOf(sqlite, id) != ImportStatus.Succeeded;
            if (undo)
            {
                DuckDbFile.Execute(connection, "DELETE FROM events WHERE store_id = $store AND import_id = $import", ("store", storeId), ("import", importId));
            }

            if ((undo || kind == "rebuild") && rules is not null)
            {
                DuckDbSessionRoller.Roll(connection, storeId, rules, null, null, cancellationToken);
                rolled.Add(storeId);
                if (logger is not null)
                {
                    LogReconciled(logger, kind, storeId, importId);
                }
            }

            DuckDbFile.Execute(connection, "DELETE FROM pending_writes WHERE kind = $kind AND store_id = $store AND import_id IS NOT DISTINCT FROM $import",
                ("kind", kind), ("store", storeId), ("import", importId));
            transaction.Commit();
        }

        DeleteOrphans(sqlite, connection);
        return rolled;
    }

    private static void DeleteOrphans(DbConnection sqlite, DuckDBConnection connection)
    {
        var stores = StoreImports.StoreIds(sqlite);

        // Store ids are numbers from the application database, never text from data.
        var kept = stores.Count == 0 ? "-1" : string.Join(",", stores);
        using var transaction = connection.BeginTransaction();
        DuckDbFile.Execute(connection, $"DELETE FROM events WHERE store_id NOT IN ({kept})");
        DuckDbFile.Execute(connection, $"DELETE FROM sessions WHERE store_id NOT IN ({kept})");
        DuckDbFile.Execute(connection, $"DELETE FROM import_repeats WHERE store_id NOT IN ({kept})");
        transaction.Commit();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events database: an interrupted {Kind} of store {StoreId} (import {ImportId}) was reconciled with the application database")]
    private static partial void LogReconciled(ILogger logger, string kind, int storeId, int? importId);
}
