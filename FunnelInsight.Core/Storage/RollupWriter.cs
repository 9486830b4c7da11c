using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Takes what the rollup builder produces, session rollups and the ids of repeated events, and stores it in batches:
/// the sessions are inserted (the caller has deleted the store's old ones), and the repeated events, gathered until
/// <see cref="Flush"/>, are taken out of their blocks. Each batch is handed to <c>run</c>, which runs it at once or on
/// the import's <see cref="WriteQueue"/>.
/// </summary>
internal sealed class RollupWriter : IDisposable
{
    private const int BatchSize = 256;

    private readonly Action<Action> _run;
    private readonly SessionBlockWriter _sessions;
    private readonly SqliteConnection _connection;
    private readonly int _storeId;
    private readonly long _firstNewId;
    private long _nextSessionId;
    private List<SessionSummary> _sessionBatch = new(BatchSize);
    private readonly EventIdSet _repeats;

    /// <param name="connection">The open connection, inside its transaction.</param>
    /// <param name="storeId">The store whose sessions are written (numbered from the start of its id range).</param>
    /// <param name="firstNewId">The first id of the events this import stores; repeats from there on are counted.</param>
    /// <param name="run">Runs one batch of writes.</param>
    public RollupWriter(SqliteConnection connection, int storeId, long firstNewId, Action<Action> run)
    {
        _nextSessionId = StoreRowIds.First(storeId) + 1;
        _run = run;
        _firstNewId = firstNewId;
        _sessions = new SessionBlockWriter(connection);
        (_connection, _storeId, _repeats) = (connection, storeId, new EventIdSet(storeId));
    }

    /// <summary>Repeated events at or after the first new id: the import's duplicates.</summary>
    public long NewRepeats { get; private set; }

    public void Session(SessionSummary session)
    {
        _sessionBatch.Add(session);
        if (_sessionBatch.Count == BatchSize)
        {
            FlushSessions();
        }
    }

    public void Repeat(long eventId)
    {
        NewRepeats += eventId >= _firstNewId ? 1 : 0;
        _repeats.Add(eventId);
    }

    /// <summary>Hands over what is still batched, and the repeated events (call it once, at the end).</summary>
    public void Flush()
    {
        FlushSessions();
        _run(() =>
        {
            _sessions.Flush();
            EventBlockStore.Delete(_connection, _storeId, _repeats);
        });
    }

    public void Dispose() => _sessions.Dispose();

    private void FlushSessions()
    {
        var batch = _sessionBatch;
        var firstId = _nextSessionId;
        _nextSessionId += batch.Count;
        _sessionBatch = new List<SessionSummary>(BatchSize);
        _run(() =>
        {
            _sessions.Write(batch, firstId);
        });
    }
}
