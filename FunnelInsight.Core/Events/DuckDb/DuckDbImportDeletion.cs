using DuckDB.NET.Data;
using FunnelInsight.Core.Import;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// Takes an import's events out of DuckDB once the application database has deleted the import, then rolls the
/// store's sessions up again. The events that go are those of no remaining import (this one's, and those of imports
/// deleted before that this one kept alive) that no other import delivered again (<c>import_repeats</c>). A marker
/// written before the application database commits makes the next start finish a deletion a kill interrupted
/// (<see cref="DuckDbReconciler"/>); a marker whose import still exists is dropped, since that deletion never committed.
/// </summary>
internal sealed class DuckDbImportDeletion(DuckDbFile file, int storeId, int importId, IReadOnlySet<int> remaining, SessionRules rules) : IEnlistedWrite
{
    /// <summary>The marker's kind in <c>pending_writes</c>.</summary>
    public const string Kind = "delete";

    /// <summary>How many events the deletion takes out.</summary>
    public long Count()
    {
        using var connection = file.Open();
        return DuckDbFile.Scalar(connection, $"SELECT count(*) FROM events WHERE {Doomed(remaining)}", ("store", storeId), ("import", importId));
    }

    public void Prepare()
    {
        using var connection = file.Open();
        DuckDbFile.Execute(connection, "INSERT INTO pending_writes VALUES ($kind, $store, $import)", ("kind", Kind), ("store", storeId), ("import", importId));
    }

    public void Committed()
    {
        using var connection = file.Open();
        using var transaction = connection.BeginTransaction();
        Delete(connection, storeId, importId, remaining, rules, CancellationToken.None);
        transaction.Commit();
    }

    public void Dispose()
    {
    }

    /// <summary>Deletes the import's events and repeat record, rolls the store up again and drops the marker, inside the caller's DuckDB transaction.</summary>
    public static void Delete(DuckDBConnection connection, int storeId, int importId, IReadOnlySet<int> remaining, SessionRules rules, CancellationToken cancellationToken)
    {
        DuckDbFile.Execute(connection, $"DELETE FROM events WHERE {Doomed(remaining)}", ("store", storeId), ("import", importId));
        DuckDbFile.Execute(connection, "DELETE FROM import_repeats WHERE store_id = $store AND import_id = $import", ("store", storeId), ("import", importId));
        DuckDbSessionRoller.Roll(connection, storeId, rules, null, null, cancellationToken);
        DuckDbFile.Execute(connection, "DELETE FROM pending_writes WHERE kind = $kind AND store_id = $store AND import_id = $import",
            ("kind", Kind), ("store", storeId), ("import", importId));
    }

    // The remaining imports' ids are integers from the application database, so they are written into the statement.
    private static string Doomed(IReadOnlySet<int> remaining) =>
        "store_id = $store" + (remaining.Count == 0 ? "" : $" AND import_id NOT IN ({string.Join(",", remaining.Select(id => id.ToString(CultureInfo.InvariantCulture)))})")
        + " AND id NOT IN (SELECT event_id FROM import_repeats WHERE store_id = $store AND import_id <> $import)";
}
