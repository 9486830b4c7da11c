using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// A statement prepared once on a connection's native handle, bound by position for each row and run inside whatever
/// transaction the connection has open. Bulk writes use it because Microsoft.Data.Sqlite looks every parameter up by
/// name on every execution (a string search per parameter, measured as the largest single cost of a row insert) and
/// boxes every value.
/// </summary>
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

    public void Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, byte[] value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Runs the statement once with the values bound (they stay bound for the next run); returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose() => _statement.Dispose();
}
