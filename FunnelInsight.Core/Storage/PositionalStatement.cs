using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// A statement prepared once on a connection's native handle, bound by position for each row and run inside whatever
/// transaction the connection has open. Bulk writes use it because Microsoft.Data.Sqlite looks every parameter up by
/// name on every execution and boxes every value; binds and steps go through <see cref="NativeSqlite"/>.
/// </summary>
/// <remarks>Not thread-safe; one thread at a time, like the connection it belongs to.</remarks>
internal sealed unsafe class PositionalStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly nint _handle;
    private byte[] _text = new byte[256];

    /// <param name="connection">An open connection.</param>
    /// <param name="sql">SQL with numbered parameters <c>?1</c>, <c>?2</c>, ….</param>
    public PositionalStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _handle = _statement.DangerousGetHandle();
    }

    public void Bind(int index, long value) => Check(NativeSqlite.BindInt64(_handle, index, value));

    public void Bind(int index, long? value) =>
        Check(value is { } v ? NativeSqlite.BindInt64(_handle, index, v) : NativeSqlite.BindNull(_handle, index));

    public void Bind(int index, double? value) =>
        Check(value is { } v ? NativeSqlite.BindDouble(_handle, index, v) : NativeSqlite.BindNull(_handle, index));

    /// <summary>Binds text, copied by SQLite.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(NativeSqlite.BindNull(_handle, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _text.Length)
        {
            _text = new byte[length];
        }

        var written = Encoding.UTF8.GetBytes(value, _text);
        fixed (byte* text = _text)
        {
            Check(NativeSqlite.BindText(_handle, index, text, written, NativeSqlite.Transient));
        }
    }

    /// <summary>Binds a blob, copied by SQLite.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value)
    {
        fixed (byte* blob = value)
        {
            Check(NativeSqlite.BindBlob(_handle, index, blob, value.Length, NativeSqlite.Transient));
        }
    }

    /// <summary>
    /// Binds UTF-8 text without copying it: <paramref name="text"/> must stay where it is (pinned) until the statement
    /// has run and been rebound or cleared.
    /// </summary>
    public void BindPinned(int index, byte* text, int length) =>
        Check(length < 0 ? NativeSqlite.BindNull(_handle, index) : NativeSqlite.BindText(_handle, index, text, length, NativeSqlite.Static));

    /// <summary>Forgets every bound value (after a batch whose pinned text is about to move).</summary>
    public void ClearBindings() => Check(NativeSqlite.ClearBindings(_handle));

    /// <summary>Runs the statement once with the values bound (they stay bound for the next run); returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = NativeSqlite.Step(_handle);
        _ = NativeSqlite.Reset(_handle); // returns the step's error again, which rc already holds
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        return raw.sqlite3_changes(_db);
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
