using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>
/// Events and session rollups packed into blocks inside the application's SQLite database (the EventBlocks and
/// SessionBlocks tables, in each store's row-id range): every write is part of the caller's SQLite transaction.
/// </summary>
internal sealed class BlockEventStore(FunnelDatabase database) : IEventStore
{
    /// <inheritdoc />
    public IEventAppend BeginAppend(StoreWrite write, int importId, SessionRules rules, long fileBytes, CancellationToken cancellationToken) =>
        new BlockEventAppend(write, importId, rules, fileBytes, cancellationToken);

    /// <inheritdoc />
    public long RebuildSessions(StoreWrite write, SessionRules rules, CancellationToken cancellationToken) =>
        BlockRollups.Rebuild(write.Connection, write.Transaction, write.StoreId, rules.Map, rules.SessionTimeout, cancellationToken);

    /// <inheritdoc />
    public void DeleteStore(StoreWrite write)
    {
        StoreRowIds.Delete(write.Connection, write.Transaction, "EventBlocks", write.StoreId);
        StoreRowIds.Delete(write.Connection, write.Transaction, "SessionBlocks", write.StoreId);
    }

    /// <inheritdoc />
    public long DeleteImport(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken) =>
        Storage.EventBlocks.EventDeletion.DeleteImport(write.Connection, write.Transaction, write.StoreId, importId, rules.Map, rules.SessionTimeout, cancellationToken);

    /// <inheritdoc />
    public async Task<SessionEvents?> SessionEventsAsync(int storeId, string sessionKey, CancellationToken cancellationToken) =>
        BlockSessionDrill.Events(await ReadSessionsAsync(storeId, cancellationToken), await ReadEventsAsync(storeId, cancellationToken), sessionKey);

    /// <inheritdoc />
    public async Task<LostSessionPage> LostSessionsAsync(LostSessionQuery query, CancellationToken cancellationToken) =>
        BlockSessionDrill.Lost(await ReadSessionsAsync(query.StoreId, cancellationToken), query);

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: user-defined funnels are counted by the DuckDB engine (Events:Engine = duckdb).</exception>
    public Task<IReadOnlyList<EventFunnelRow>> FunnelOverEventsAsync(EventFunnelQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("User-defined funnels are counted over the raw events by the DuckDB engine only; set Events:Engine to duckdb.");

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventNameCount>> EventNamesAsync(int storeId, CancellationToken cancellationToken) =>
        (await ReadEventsAsync(storeId, cancellationToken)).GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g => new EventNameCount(g.Key, g.LongCount())).OrderByDescending(n => n.Events).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, StoredCounts>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT s.Id,
                (SELECT COALESCE(SUM(e.EventCount), 0) FROM EventBlocks e WHERE e.Id BETWEEN s.Id * {StoreRowIds.PerStore} AND (s.Id + 1) * {StoreRowIds.PerStore} - 1),
                (SELECT COALESCE(SUM(b.SessionCount), 0) FROM SessionBlocks b WHERE b.Id BETWEEN s.Id * {StoreRowIds.PerStore} AND (s.Id + 1) * {StoreRowIds.PerStore} - 1)
            FROM Stores s
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<int, StoredCounts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetInt32(0)] = new StoredCounts(reader.GetInt64(1), reader.GetInt64(2));
        }

        return counts;
    }

    /// <inheritdoc />
    public async Task<SessionTable> LoadSessionsAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return SessionTableLoader.Load(connection, storeId, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Every write rewrites the store's session blocks, so there is nothing to keep: a whole load.</remarks>
    public Task<SessionTable> RefreshSessionsAsync(int storeId, SessionTable held, CancellationToken cancellationToken) =>
        LoadSessionsAsync(storeId, cancellationToken);

    /// <inheritdoc />
    public async Task<VisitorPaths> LoadVisitorsAsync(int storeId, SessionTable table, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return SessionTableLoader.LoadVisitors(connection, storeId, table, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, SessionKeys>> SessionDetailsAsync(int storeId, IReadOnlyList<long> sessionIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return SessionDetailsReader.Read(connection, storeId, sessionIds, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return BlockContents.Events(connection, storeId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(long Id, SessionSummary Session)>> ReadSessionsAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return BlockContents.Sessions(connection, storeId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<int>> UpgradeAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return StorageUpgrade.Run(connection, logger);
    }
}
