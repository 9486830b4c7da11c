using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Storage.Providers;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// Brings the events database back in line with the application database at start, after a kill at any moment of a
/// <see cref="StoreWrite"/>. A write still pending is settled: an import's becomes visible when the application database
/// holds the import as succeeded, and is abandoned (its rows deleted) otherwise; a rebuild's is abandoned and the
/// store's sessions are rolled up again with its current rules; a deletion the application database committed is
/// finished, one it did not is abandoned. Staging tables of imports that died, and the rows of stores that no longer
/// exist, are deleted.
/// </summary>
internal static partial class ClickHouseReconciler
{
    /// <summary>Reconciles; returns the stores whose sessions it rolled up again.</summary>
    public static IReadOnlyList<int> Run(DbConnection sqlite, ClickHouseEventsDatabase database, ILogger? logger, CancellationToken cancellationToken)
    {
        var connection = database.Connection;
        var pending = connection.Rows($"""
            SELECT store_id, write_id, any(kind), any(import_id) FROM writes GROUP BY store_id, write_id HAVING max(state) = {ClickHouseView.Pending}
            """, r => (StoreId: r.Int32(0), WriteId: r.Int64(1), Kind: r.String(2), ImportId: r.NullableInt32(3)), cancellationToken);
        var rolled = new List<int>();
        foreach (var (storeId, writeId, kind, importId) in pending)
        {
            if (kind == "import" && importId is { } running && StoreImports.IsLeased(sqlite, running))
            {
                // Another instance is running this import (its job's lease is live): it commits or abandons it itself.
                continue;
            }

            var rules = SessionRules.Read(sqlite, null, storeId);
            var status = importId is { } id ? StoreImports.StatusOf(sqlite, id) : null;
            if (kind == "import" && status == ImportStatus.Succeeded)
            {
                ClickHouseWrite.Record(connection, storeId, writeId, kind, importId, ClickHouseView.Committed);
            }
            else if (kind == ClickHouseImportDeletion.Kind && status is null && rules is not null && importId is { } deleted)
            {
                // The application database deleted the import; its events had not gone yet.
                ClickHouseImportDeletion.Finish(database, storeId, deleted, writeId, StoreImports.Others(sqlite, storeId, deleted), rules, cancellationToken);
                rolled.Add(storeId);
            }
            else
            {
                ClickHouseWrite.Abandon(database, storeId, writeId, kind, importId);
                if (kind == "rebuild" && rules is not null)
                {
                    using var rebuild = new ClickHouseWrite(database, "rebuild", storeId, null);
                    ClickHouseSessionRoller.Roll(rebuild, rules, null, null, cancellationToken);
                    rebuild.Prepare();
                    rebuild.Committed();
                    rolled.Add(storeId);
                }
            }

            if (logger is not null)
            {
                LogReconciled(logger, kind, storeId, importId);
            }
        }

        foreach (var staging in connection.Rows($"SELECT name FROM system.tables WHERE database = {ClickHouseConnection.Quote(connection.Database)} AND name LIKE 'staging\\\\_%'", r => r.String(0), cancellationToken))
        {
            connection.Execute($"DROP TABLE IF EXISTS {staging}");
        }

        DeleteOrphans(sqlite, database);
        return rolled;
    }

    /// <summary>
    /// Settles the pending writes of import <paramref name="importId"/>, whose instance died: committed when the
    /// application database holds it as succeeded (<paramref name="succeeded"/>), abandoned (its rows deleted) otherwise.
    /// </summary>
    public static void SettleImport(ClickHouseEventsDatabase database, int importId, bool succeeded)
    {
        var pending = database.Connection.Rows($"""
            SELECT store_id, write_id FROM writes WHERE kind = 'import' AND import_id = {importId}
            GROUP BY store_id, write_id HAVING max(state) = {ClickHouseView.Pending}
            """, r => (StoreId: r.Int32(0), WriteId: r.Int64(1)), CancellationToken.None);
        foreach (var (storeId, writeId) in pending)
        {
            if (succeeded)
            {
                ClickHouseWrite.Record(database.Connection, storeId, writeId, "import", importId, ClickHouseView.Committed);
            }
            else
            {
                ClickHouseWrite.Abandon(database, storeId, writeId, "import", importId);
            }
        }
    }

    private static void DeleteOrphans(DbConnection sqlite, ClickHouseEventsDatabase database)
    {
        var stores = StoreImports.StoreIds(sqlite).Select(id => (long)id).ToList();

        // Store ids are numbers from the application database, never text from data.
        var orphans = $"store_id NOT IN ({ClickHouseConnection.List(stores)})";
        if (stores.Count == 0)
        {
            orphans = "1";
        }

        if (database.Connection.Scalar($"SELECT count() FROM writes WHERE {orphans}") > 0)
        {
            ClickHouseStoreDeletion.Delete(database, orphans);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events database (ClickHouse): an interrupted {Kind} of store {StoreId} (import {ImportId}) was settled with the application database")]
    private static partial void LogReconciled(ILogger logger, string kind, int storeId, int? importId);
}
