namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// One write of a store's rows, enlisted in a <see cref="StoreWrite"/>. It is recorded as pending in <c>writes</c>
/// before any of its rows is stored, so its rows are invisible until it is marked committed, which happens once the
/// application database has committed. A write disposed before it prepared is abandoned and its rows are deleted; one
/// left pending by a kill is settled at the next start against the application database (<see cref="ClickHouseReconciler"/>).
/// </summary>
internal sealed class ClickHouseWrite : IEnlistedWrite
{
    private readonly ClickHouseEventsDatabase _database;
    private bool _prepared;

    /// <param name="database">The events database.</param>
    /// <param name="kind">What the write does: <c>import</c>, <c>rebuild</c> or <c>delete</c>.</param>
    /// <param name="storeId">The store written.</param>
    /// <param name="importId">The import concerned, if any.</param>
    public ClickHouseWrite(ClickHouseEventsDatabase database, string kind, int storeId, int? importId)
    {
        _database = database;
        (Kind, StoreId, ImportId) = (kind, storeId, importId);
        Id = ClickHouseEventsDatabase.NewWriteId();
        var committed = ClickHouseView.Take(_database.Connection, storeId);
        Purge(_database, committed);
        Record(_database.Connection, StoreId, Id, kind, importId, ClickHouseView.Pending);
        View = ClickHouseView.Take(_database.Connection, storeId).With(Id);
    }

    /// <summary>The write's id, in every row it stores.</summary>
    public long Id { get; }

    /// <summary>What the write does.</summary>
    public string Kind { get; }

    /// <summary>The store written.</summary>
    public int StoreId { get; }

    /// <summary>The import concerned, if any.</summary>
    public int? ImportId { get; }

    /// <summary>What the write reads: the rows committed when it began, and its own.</summary>
    public ClickHouseView View { get; }

    /// <summary>The connection.</summary>
    public ClickHouseConnection Connection => _database.Connection;

    /// <summary>Whether the store's rows are spread over the shards of a cluster.</summary>
    public bool Sharded => _database.Layout.Sharded;

    /// <summary>Records state <paramref name="state"/> of a write.</summary>
    public static void Record(ClickHouseConnection connection, int storeId, long writeId, string kind, int? importId, int state) =>
        connection.Insert("writes", "store_id, write_id, kind, import_id, state",
            w => w.Number(storeId).Number(writeId).Text(kind).Number(importId).Number(state).EndRow());

    /// <summary>Marks a write abandoned and deletes its rows (in the background: they are invisible already).</summary>
    public static void Abandon(ClickHouseEventsDatabase database, int storeId, long writeId, string kind, int? importId)
    {
        Record(database.Connection, storeId, writeId, kind, importId, ClickHouseView.Abandoned);
        foreach (var table in new[] { "events", "sessions", "session_drops", "import_repeats" })
        {
            database.Delete(table, $"store_id = {storeId} AND write_id = {writeId}", wait: false);
        }
    }

    /// <summary>
    /// Takes out the sessions that writes committed in <paramref name="view"/> replaced, if any are left (in the
    /// background: they are invisible already). It runs when the store's next write begins rather than when a write
    /// commits, so that until then the rows a write replaced are still there for the start after a kill to fall back on.
    /// </summary>
    public static void Purge(ClickHouseEventsDatabase database, ClickHouseView view)
    {
        string Replaced(string drops) =>
            $"store_id = {view.StoreId} AND id IN (SELECT session_id FROM {drops} WHERE store_id = {view.StoreId} AND write_id IN ({ClickHouseConnection.List(view.Writes)}))";
        if (database.Connection.Scalar($"SELECT count() FROM sessions WHERE {Replaced("session_drops")}") > 0)
        {
            // A session and the rows that replace it are on one shard, so each shard's mutation reads its own list.
            database.Delete("sessions", shard => Replaced(shard.Table("session_drops")), wait: false);
        }
    }

    /// <inheritdoc />
    public void Prepare() => _prepared = true;

    /// <inheritdoc />
    public void Committed() => Record(Connection, StoreId, Id, Kind, ImportId, ClickHouseView.Committed);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_prepared)
        {
            Abandon(_database, StoreId, Id, Kind, ImportId);
        }
    }
}
