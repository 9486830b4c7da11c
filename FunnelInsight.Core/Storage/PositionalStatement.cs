using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// A statement prepared once on a connection's native handle, bound by position and run inside whatever transaction
/// the connection has open: the block writes run it once a block, without Microsoft.Data.Sqlite's lookup of every
/// parameter by name and boxing of every value.
/// </summary>
/// <remarks>Not thread-safe; one thread at a time, like the connection it belongs to.</remarks>
internal sealed class PositionalStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <param name="connection">An open connection.</param>
    /// <param name="sql">SQL with numbered parameters <c>?1</c>, <c>?2</c>, ….</param>
    public PositionalStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds a blob, copied by SQLite.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Runs the statement once with the values bound (they stay bound for the next run).</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        _ = raw.sqlite3_reset(_statement); // returns the step's error again, which rc already holds
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
