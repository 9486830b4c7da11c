using DuckDB.NET.Data;
using DuckDB.NET.Native;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Events.DuckDb.Upgrade;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// Events and session rollups in a DuckDB file beside the SQLite database (see <see cref="DuckDbSchema"/>). Each write
/// is one DuckDB transaction enlisted in the caller's <see cref="StoreWrite"/>, so it commits with the application
/// database; deleting a store's events happens once its SQLite deletion has committed.
/// </summary>
internal sealed class DuckDbEventStore(FunnelDatabase database, DuckDbFile file) : IEventStore
{
    /// <inheritdoc />
    public IEventAppend BeginAppend(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken)
    {
        var part = Enlist(write, "import", importId);
        return new DuckDbEventAppend(part, write.StoreId, importId, rules);
    }

    /// <inheritdoc />
    public long RebuildSessions(StoreWrite write, SessionRules rules, CancellationToken cancellationToken)
    {
        var part = Enlist(write, "rebuild", null);
        return DuckDbSessionRoller.Roll(part.Connection, write.StoreId, rules, null, null, cancellationToken, sort: part.Sort).Sessions;
    }

    /// <inheritdoc />
    public void DeleteStore(StoreWrite write) => write.Enlist(new DuckDbStoreDeletion(file, write.StoreId));

    /// <inheritdoc />
    public long DeleteImport(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken)
    {
        var deletion = new DuckDbImportDeletion(file, write.StoreId, importId, StoreImports.Others(write.Connection, write.StoreId, importId), rules);
        write.Enlist(deletion);
        return deletion.Count();
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<int, StoredCounts>> CountAsync(CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        var counts = new Dictionary<int, StoredCounts>();
        using var command = DuckDbFile.Command(connection, """
            SELECT store_id, sum(events)::BIGINT, sum(sessions)::BIGINT FROM (
                SELECT store_id, count(*) AS events, 0 AS sessions FROM events GROUP BY store_id
                UNION ALL
                SELECT store_id, 0, count(*) FROM sessions GROUP BY store_id)
            GROUP BY store_id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetInt32(0)] = new StoredCounts(reader.GetInt64(1), reader.GetInt64(2));
        }

        return Task.FromResult<IReadOnlyDictionary<int, StoredCounts>>(counts);
    }

    /// <inheritdoc />
    public Task<SessionTable> LoadSessionsAsync(int storeId, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbSessionReader.Load(connection, storeId, cancellationToken));
    }

    /// <inheritdoc />
    public Task<SessionTable> RefreshSessionsAsync(int storeId, SessionTable held, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbSessionReader.Refresh(connection, storeId, held, cancellationToken));
    }

    /// <inheritdoc />
    public Task<VisitorPaths> LoadVisitorsAsync(int storeId, SessionTable table, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbSessionReader.LoadVisitors(connection, storeId, table, cancellationToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, SessionKeys>> SessionDetailsAsync(int storeId, IReadOnlyList<long> sessionIds, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbSessionReader.Details(connection, storeId, sessionIds));
    }

    /// <inheritdoc />
    public Task<SessionEvents?> SessionEventsAsync(int storeId, string sessionKey, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbSessionDrill.Events(connection, storeId, sessionKey));
    }

    /// <inheritdoc />
    public Task<LostSessionPage> LostSessionsAsync(LostSessionQuery query, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbSessionDrill.Lost(connection, query));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventFunnelRow>> FunnelOverEventsAsync(EventFunnelQuery query, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        try
        {
            return Task.FromResult(DuckDbEventFunnel.Run(connection, query, cancellationToken));
        }
        catch (DuckDBException ex) when (ex.ErrorType == DuckDBErrorType.OutOfMemory && file.QueriesUseMoreThreads)
        {
            // Each DuckDB thread holds buffers of its own: on a write's fewer threads the statement spills within the
            // memory limit where more threads ran out of it.
            using (file.WriteThreads(connection))
            {
                return Task.FromResult(DuckDbEventFunnel.Run(connection, query, cancellationToken));
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventNameCount>> EventNamesAsync(int storeId, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        using var command = DuckDbFile.Command(connection,
            "SELECT event_name, count(*) AS n FROM events WHERE store_id = $store AND event_name IS NOT NULL GROUP BY event_name ORDER BY n DESC, event_name",
            ("store", storeId));
        using var reader = command.ExecuteReader();
        var names = new List<EventNameCount>();
        while (reader.Read())
        {
            names.Add(new EventNameCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return Task.FromResult<IReadOnlyList<EventNameCount>>(names);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(int storeId, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbContents.Events(connection, storeId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(long Id, SessionSummary Session)>> ReadSessionsAsync(int storeId, CancellationToken cancellationToken)
    {
        using var connection = file.Open();
        return Task.FromResult(DuckDbContents.Sessions(connection, storeId));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<int>> MovePreviousLayoutAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        await using var sqlite = await database.OpenAsync(cancellationToken);
        using var connection = file.Open();
        return BlocksUpgrade.Run(sqlite, connection, logger, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<int>> UpgradeAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        await using var sqlite = await database.OpenAsync(cancellationToken);
        using var connection = file.Open();
        return DuckDbReconciler.Run(sqlite, connection, logger, cancellationToken);
    }

    /// <inheritdoc />
    public void SettleImport(int importId, bool succeeded)
    {
        // One process holds the file: an import's uncommitted transaction died with it, and a commit marker it left is
        // settled by the next start (DuckDbReconciler) before any job is claimed.
    }

    private DuckDbWrite Enlist(StoreWrite write, string kind, int? importId)
    {
        var part = new DuckDbWrite(file, file.Open(), kind, write.StoreId, importId);
        write.Enlist(part);
        return part;
    }
}
