using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>Stores packed session blocks (<see cref="SessionBlockSink"/>) under keys in the store's range (<see cref="StoreRowIds"/>).</summary>
internal sealed class SessionBlockWriter(SqliteConnection connection) : IDisposable
{
    private readonly PositionalStatement _insert = new(connection,
        "INSERT INTO SessionBlocks (Id, LastSessionId, SessionCount, Data) VALUES (?1, ?2, ?3, ?4)");

    /// <summary>Stores a block of <paramref name="count"/> sessions, which take the ids <paramref name="key"/> onwards.</summary>
    public void Insert(long key, int count, byte[] data)
    {
        _insert.Bind(1, key);
        _insert.Bind(2, key + count - 1);
        _insert.Bind(3, count);
        _insert.Bind(4, data);
        _insert.Execute();
    }

    public void Dispose() => _insert.Dispose();
}
