using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// Events and session rollups in a ClickHouse database (see <see cref="ClickHouseSchema"/>), reached through its HTTP
/// interface. ClickHouse has no transactions: each write is a <see cref="ClickHouseWrite"/> whose rows stay invisible
/// until the application database has committed, and every read sees the writes committed when it began
/// (<see cref="ClickHouseView"/>).
/// </summary>
internal sealed class ClickHouseEventStore(FunnelDatabase database, ClickHouseEventsDatabase events) : IEventStore
{
    private ClickHouseConnection Connection => events.Connection;

    /// <inheritdoc />
    public IEventAppend BeginAppend(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken)
    {
        var part = new ClickHouseWrite(events, "import", write.StoreId, importId);
        write.Enlist(part);
        return new ClickHouseEventAppend(part, importId, rules, database.EventOptions.ClickHouseImportSlice);
    }

    /// <inheritdoc />
    public long RebuildSessions(StoreWrite write, SessionRules rules, CancellationToken cancellationToken)
    {
        var part = new ClickHouseWrite(events, "rebuild", write.StoreId, null);
        write.Enlist(part);
        return ClickHouseSessionRoller.Roll(part, rules, null, null, cancellationToken).Sessions;
    }

    /// <inheritdoc />
    public void DeleteStore(StoreWrite write) => write.Enlist(new ClickHouseStoreDeletion(events, write.StoreId));

    /// <inheritdoc />
    public long DeleteImport(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken)
    {
        var deletion = new ClickHouseImportDeletion(events, write.StoreId, importId, StoreImports.Others(write.Connection, write.StoreId, importId), rules);
        write.Enlist(deletion);
        return deletion.Count();
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<int, StoredCounts>> CountAsync(CancellationToken cancellationToken)
    {
        // The committed writes are listed in the statement: on a cluster the shards have no commit records.
        var writes = Connection.Rows(
            $"SELECT store_id, write_id FROM writes GROUP BY store_id, write_id HAVING max(state) = {ClickHouseView.Committed}",
            r => $"({r.Int64(0).ToString(System.Globalization.CultureInfo.InvariantCulture)},{r.Int64(1).ToString(System.Globalization.CultureInfo.InvariantCulture)})", cancellationToken);
        var committed = writes.Count == 0 ? "0" : $"(store_id, write_id) IN ({string.Join(",", writes)})";
        var counts = new Dictionary<int, StoredCounts>();
        Connection.Query($"SELECT store_id, count() FROM events WHERE {committed} GROUP BY store_id",
            r => counts[r.Int32(0)] = new StoredCounts(r.Int64(1), 0), cancellationToken);
        Connection.Query($"""
            SELECT store_id, count() FROM sessions WHERE {committed}
              AND (store_id, id) NOT IN (SELECT store_id, session_id FROM session_drops WHERE {committed})
            GROUP BY store_id
            """, r => counts[r.Int32(0)] = counts.GetValueOrDefault(r.Int32(0)) with { Sessions = r.Int64(1) }, cancellationToken);
        return Task.FromResult<IReadOnlyDictionary<int, StoredCounts>>(counts);
    }

    /// <inheritdoc />
    public Task<SessionTable> LoadSessionsAsync(int storeId, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseSessionReader.Load(Connection, View(storeId), cancellationToken));

    /// <inheritdoc />
    public Task<SessionTable> RefreshSessionsAsync(int storeId, SessionTable held, CancellationToken cancellationToken) =>
        LoadSessionsAsync(storeId, cancellationToken);

    /// <inheritdoc />
    public Task<VisitorPaths> LoadVisitorsAsync(int storeId, SessionTable table, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseSessionReader.LoadVisitors(Connection, View(storeId), table, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, SessionKeys>> SessionDetailsAsync(int storeId, IReadOnlyList<long> sessionIds, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseSessionReader.Details(Connection, View(storeId), sessionIds));

    /// <inheritdoc />
    public Task<SessionEvents?> SessionEventsAsync(int storeId, string sessionKey, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseSessionDrill.Events(Connection, View(storeId), sessionKey));

    /// <inheritdoc />
    public Task<LostSessionPage> LostSessionsAsync(LostSessionQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseSessionDrill.Lost(Connection, View(query.StoreId), query));

    /// <inheritdoc />
    public Task<IReadOnlyList<EventFunnelRow>> FunnelOverEventsAsync(EventFunnelQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseEventFunnel.Run(Connection, events.Layout, View(query.StoreId), query, database.EventOptions.ClickHouseFunnelSlice, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<EventNameCount>> EventNamesAsync(int storeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EventNameCount>>(Connection.Rows(
            $"SELECT event_name, count() AS n FROM events WHERE {View(storeId).Events()} AND event_name IS NOT NULL GROUP BY event_name ORDER BY n DESC, event_name",
            r => new EventNameCount(r.String(0), r.Int64(1)), cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(int storeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredEvent>>(Connection.Rows(
            $"SELECT {ClickHouseEventRows.Columns()} FROM events WHERE {View(storeId).Events()} ORDER BY id", ClickHouseEventRows.Read, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<(long Id, SessionSummary Session)>> ReadSessionsAsync(int storeId, CancellationToken cancellationToken) =>
        Task.FromResult(ClickHouseSessionReader.All(Connection, View(storeId)));

    /// <inheritdoc />
    /// <remarks>The previous layout is moved into DuckDB only: a database that still holds it is refused here.</remarks>
    public async Task<IReadOnlyList<int>> MovePreviousLayoutAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        await using var sqlite = await database.OpenAsync(cancellationToken);
        if (sqlite is not Microsoft.Data.Sqlite.SqliteConnection)
        {
            // The previous layout was SQLite's alone.
            return [];
        }

        foreach (var table in new[] { "EventBlocks", "LegacyEvents" })
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                continue;
            }

            command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {table})";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                throw new InvalidOperationException(
                    "This database still holds events in the previous layout (event blocks). Start it once with the DuckDB engine (Events:Engine=duckdb), which moves them, before moving to ClickHouse.");
            }
        }

        return [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<int>> UpgradeAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        await using var sqlite = await database.OpenAsync(cancellationToken);
        return ClickHouseReconciler.Run(sqlite, events, logger, cancellationToken);
    }

    /// <inheritdoc />
    public void SettleImport(int importId, bool succeeded) => ClickHouseReconciler.SettleImport(events, importId, succeeded);

    private ClickHouseView View(int storeId) => ClickHouseView.Take(Connection, storeId);
}
