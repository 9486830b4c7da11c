using FunnelInsight.Core.Import;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// Deletes a store's rows once the application database has deleted the store, waiting for the mutations: a kill in
/// between leaves rows of a store that no longer exists, which the next start deletes (<see cref="ClickHouseReconciler"/>).
/// </summary>
internal sealed class ClickHouseStoreDeletion(ClickHouseEventsDatabase database, int storeId) : IEnlistedWrite
{
    public void Prepare()
    {
    }

    public void Committed() => Delete(database, $"store_id = {storeId}");

    public void Dispose()
    {
    }

    /// <summary>Deletes the rows <paramref name="condition"/> selects from every table, waiting until they are gone.</summary>
    public static void Delete(ClickHouseEventsDatabase database, string condition)
    {
        foreach (var table in ClickHouseSchema.StoreTables)
        {
            database.Delete(table, condition, wait: false);
        }

        foreach (var table in ClickHouseSchema.StoreTables)
        {
            database.WaitForMutations(table);
        }
    }
}

/// <summary>
/// Takes an import's events out of ClickHouse once the application database has deleted the import, then rolls the
/// store's sessions up again as a write of its own. The events that go are those of no remaining import that no other
/// import delivered again (<c>import_repeats</c>), as on DuckDB. A <c>delete</c> marker written before the application
/// database commits makes the next start finish a deletion a kill interrupted; a marker whose import still exists is
/// abandoned, since that deletion never committed.
/// </summary>
internal sealed class ClickHouseImportDeletion(ClickHouseEventsDatabase database, int storeId, int importId, IReadOnlySet<int> remaining, SessionRules rules) : IEnlistedWrite
{
    /// <summary>The marker's kind in <c>writes</c>.</summary>
    public const string Kind = "delete";

    private long _marker;

    /// <summary>How many events the deletion takes out.</summary>
    public long Count()
    {
        var view = ClickHouseView.Take(database.Connection, storeId);
        return database.Connection.Scalar($"SELECT count() FROM events WHERE {view.Events()} AND {Doomed(view, importId, remaining, "import_repeats")}");
    }

    public void Prepare()
    {
        _marker = ClickHouseEventsDatabase.NewWriteId();
        ClickHouseWrite.Record(database.Connection, storeId, _marker, Kind, importId, ClickHouseView.Pending);
    }

    public void Committed() => Finish(database, storeId, importId, _marker, remaining, rules, CancellationToken.None);

    public void Dispose()
    {
    }

    /// <summary>Deletes the import's events and repeat record, rolls the store up again, and settles marker <paramref name="marker"/>.</summary>
    public static void Finish(ClickHouseEventsDatabase database, int storeId, int importId, long marker, IReadOnlySet<int> remaining, SessionRules rules, CancellationToken cancellationToken)
    {
        var view = ClickHouseView.Take(database.Connection, storeId);
        // Other imports' repeats are read now: the mutation would otherwise read them while it runs.
        database.Delete("events", shard => Doomed(view, importId, remaining, shard.Table("import_repeats")));
        database.Delete("import_repeats", $"store_id = {storeId} AND import_id = {importId}");
        using (var rebuild = new ClickHouseWrite(database, "rebuild", storeId, null))
        {
            ClickHouseSessionRoller.Roll(rebuild, rules, null, null, cancellationToken);
            rebuild.Prepare();
            rebuild.Committed();
        }

        ClickHouseWrite.Record(database.Connection, storeId, marker, Kind, importId, ClickHouseView.Committed);
    }

    // The remaining imports' ids are integers from the application database, so they are written into the statement.
    // An event's repeats are on its shard: each shard's mutation reads its own (repeats, the shard's table of them).
    private static string Doomed(ClickHouseView view, int importId, IReadOnlySet<int> remaining, string repeats) =>
        $"store_id = {view.StoreId}"
        + (remaining.Count == 0 ? "" : $" AND import_id NOT IN ({string.Join(",", remaining.Select(id => id.ToString(CultureInfo.InvariantCulture)))})")
        + $" AND id NOT IN (SELECT event_id FROM {repeats} WHERE store_id = {view.StoreId} AND import_id <> {importId} AND write_id IN ({ClickHouseConnection.List(view.Writes)}))";
}
