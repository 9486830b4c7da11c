using FunnelInsight.Core.Analytics.Rollups;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>Stores session rollups as blocks (<see cref="SessionBlockFormat"/>), with ids in the store's range (<see cref="StoreRowIds"/>).</summary>
internal sealed class SessionBlockWriter(SqliteConnection connection) : IDisposable
{
    private readonly SessionBlockEncoder _encoder = new();
    private readonly PositionalStatement _insert = new(connection,
        "INSERT INTO SessionBlocks (Id, LastSessionId, SessionCount, Data) VALUES (?1, ?2, ?3, ?4)");

    /// <summary>Adds <paramref name="sessions"/> with ids <paramref name="firstId"/> onwards; full blocks are stored at once.</summary>
    public void Write(IReadOnlyList<SessionSummary> sessions, long firstId)
    {
        for (var i = 0; i < sessions.Count; i++)
        {
            _encoder.Add(firstId + i, sessions[i]);
            if (_encoder.Count == SessionBlockFormat.MaxSessions)
            {
                Flush();
            }
        }
    }

    /// <summary>Stores the block in progress, if it holds any session.</summary>
    public void Flush()
    {
        if (_encoder.Count == 0)
        {
            return;
        }

        _insert.Bind(1, _encoder.FirstId);
        _insert.Bind(2, _encoder.LastId);
        _insert.Bind(3, _encoder.Count);
        _insert.Bind(4, _encoder.Data);
        _insert.Execute();
        _encoder.Clear();
    }

    public void Dispose() => _insert.Dispose();
}
