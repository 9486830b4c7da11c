using FunnelInsight.Core.Storage.Entities;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Takes what the rollup builder produces, session rollups and the ids of repeated events, and stores it in batches:
/// the sessions are inserted (the caller has deleted the store's old ones), the repeated events are deleted. Each batch is handed to
/// <c>run</c>, which runs it at once or on the import's <see cref="WriteQueue"/>.
/// </summary>
internal sealed class RollupWriter : IDisposable
{
    private const int BatchSize = 256;

    private readonly Action<Action> _run;
    private readonly SessionWriter _sessions;
    private readonly PositionalStatement _deleteEvent;
    private readonly long _firstNewId;
    private long _nextSessionId;
    private List<SessionSummary> _sessionBatch = new(BatchSize);
    private List<long> _repeatBatch = new(BatchSize);

    /// <param name="connection">The open connection, inside its transaction.</param>
    /// <param name="storeId">The store whose sessions are written (numbered from the start of its id range).</param>
    /// <param name="firstNewId">The first id of the events this import stores; repeats from there on are counted.</param>
    /// <param name="run">Runs one batch of writes.</param>
    public RollupWriter(SqliteConnection connection, int storeId, long firstNewId, Action<Action> run)
    {
        _nextSessionId = StoreRowIds.First(storeId) + 1;
        _run = run;
        _firstNewId = firstNewId;
        _sessions = new SessionWriter(connection);
        _deleteEvent = new PositionalStatement(connection, "DELETE FROM Events WHERE Id = ?1");
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
        _repeatBatch.Add(eventId);
        if (_repeatBatch.Count == BatchSize)
        {
            FlushRepeats();
        }
    }

    /// <summary>Hands over what is still batched.</summary>
    public void Flush()
    {
        FlushSessions();
        FlushRepeats();
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _deleteEvent.Dispose();
    }

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

    private void FlushRepeats()
    {
        var batch = _repeatBatch;
        _repeatBatch = new List<long>(BatchSize);
        _run(() =>
        {
            foreach (var id in batch)
            {
                _deleteEvent.Bind(1, id);
                _deleteEvent.Execute();
            }
        });
    }
}
