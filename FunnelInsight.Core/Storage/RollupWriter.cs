using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Takes what the rollup builder produces, partition by partition in order, and stores it: each partition's session
/// blocks take the next session ids of the store (the caller has deleted its old ones), and the repeated events,
/// gathered until <see cref="Flush"/>, are taken out of their blocks. Each write is handed to <c>run</c>, which runs
/// it at once or on the import's <see cref="WriteQueue"/>.
/// </summary>
internal sealed class RollupWriter : IDisposable
{
    private readonly Action<Action> _run;
    private readonly SessionBlockWriter _sessions;
    private readonly SqliteConnection _connection;
    private readonly int _storeId;
    private readonly long _firstNewId;
    private readonly EventIdSet _repeats;
    private readonly EventIdSet _delivered;
    private readonly int _importId;
    private long _nextSessionId;

    /// <param name="connection">The open connection, inside its transaction.</param>
    /// <param name="storeId">The store whose sessions are written (numbered from the start of its id range).</param>
    /// <param name="firstNewId">The first id of the events this import stores; repeats from there on are counted.</param>
    /// <param name="run">Runs one write.</param>
    /// <param name="importId">The import whose events are new (from <paramref name="firstNewId"/> on), whose repeats of
    /// stored events are recorded (<see cref="ImportRepeatStore"/>); 0 for a rebuild that adds nothing.</param>
    public RollupWriter(SqliteConnection connection, int storeId, long firstNewId, Action<Action> run, int importId = 0)
    {
        _importId = importId;
        _delivered = new EventIdSet(storeId);
        _nextSessionId = StoreRowIds.First(storeId) + 1;
        _run = run;
        _firstNewId = firstNewId;
        _sessions = new SessionBlockWriter(connection);
        (_connection, _storeId, _repeats) = (connection, storeId, new EventIdSet(storeId));
    }

    /// <summary>Repeated events at or after the first new id: the import's duplicates.</summary>
    public long NewRepeats { get; private set; }

    /// <summary>A sink for one partition's rollups (see <see cref="SessionRollupBuilder.Build"/>).</summary>
    public static SessionBlockSink NewSink() => new();

    /// <summary>Stores a partition's session blocks and notes its repeated events; partitions come in order.</summary>
    public void HandOver(SessionBlockSink sink)
    {
        foreach (var (data, count) in sink.Blocks())
        {
            var key = _nextSessionId;
            _nextSessionId += count;
            _run(() => _sessions.Insert(key, count, data));
        }

        foreach (var (id, kept) in sink.Repeats)
        {
            NewRepeats += id >= _firstNewId ? 1 : 0;
            _repeats.Add(id);
            if (id >= _firstNewId && kept < _firstNewId)
            {
                // This import delivered an event the store had: it stays while this import does.
                _delivered.Add(kept);
            }
        }
    }

    /// <summary>Takes the repeated events out of their blocks and records the import's repeats (call it once, after the last partition).</summary>
    public void Flush() => _run(() =>
    {
        EventBlockStore.Delete(_connection, _storeId, _repeats);
        if (_importId != 0 && _delivered.Count > 0)
        {
            ImportRepeatStore.Save(_connection, _storeId, _importId, _delivered);
        }
    });

    public void Dispose() => _sessions.Dispose();
}
