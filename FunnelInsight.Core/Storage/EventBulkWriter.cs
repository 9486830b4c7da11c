using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Writes events through one prepared insert inside the import's transaction, with no change tracking.
/// An event already in the store (same identity hash) is skipped and counted as a duplicate.
/// </summary>
/// <remarks>
/// One row per statement, bound by position on the native handle (<see cref="PositionalStatement"/>): a multi-row
/// VALUES list through Microsoft.Data.Sqlite binds parameters by name in quadratic time (200-row batches ran six
/// times slower), and even one row spent most of its time in that name lookup.
/// </remarks>
internal sealed class EventBulkWriter : IDisposable
{
    private const string Insert = """
        INSERT INTO Events (StoreId, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, ProductId, Price,
            Quantity, OrderId, Device, Channel, Country, PageLoadMs, IdentityHash)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
        ON CONFLICT (StoreId, IdentityHash) DO NOTHING
        """;

    private readonly PositionalStatement _insert;
    private readonly ArrayBufferWriter<byte> _hashBuffer = new(256);

    // The transaction is the connection's own: native statements run inside it.
    public EventBulkWriter(SqliteConnection connection, SqliteTransaction transaction, int storeId, int importId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _insert = new PositionalStatement(connection, Insert);
        _insert.Bind(1, storeId);
        _insert.Bind(2, importId);
    }

    /// <summary>Events stored so far.</summary>
    public long Stored { get; private set; }

    /// <summary>Events skipped because the store already had them.</summary>
    public long Duplicates { get; private set; }

    public void Add(in EventRow row)
    {
        _insert.Bind(3, row.TimeUs);
        _insert.Bind(4, row.Line);
        _insert.Bind(5, row.SessionKey);
        _insert.Bind(6, row.VisitorKey);
        _insert.Bind(7, row.EventName);
        _insert.Bind(8, row.ProductId);
        _insert.Bind(9, row.Price);
        _insert.Bind(10, row.Quantity);
        _insert.Bind(11, row.OrderId);
        _insert.Bind(12, row.Device);
        _insert.Bind(13, row.Channel);
        _insert.Bind(14, row.Country);
        _insert.Bind(15, row.PageLoadMs);
        _insert.Bind(16, IdentityHash(row));
        if (_insert.Execute() == 1)
        {
            Stored++;
        }
        else
        {
            Duplicates++;
        }
    }

    /// <summary>
    /// What identifies an event: its time, session, visitor, name, product and order. Two rows that agree
    /// on all of these are the same event, however often they are exported.
    /// </summary>
    private long IdentityHash(in EventRow row)
    {
        _hashBuffer.Clear();
        MemoryMarshal.Write(_hashBuffer.GetSpan(8), row.TimeUs);
        _hashBuffer.Advance(8);
        Append(row.SessionKey);
        Append(row.VisitorKey);
        Append(row.EventName);
        Append(row.ProductId);
        Append(row.OrderId);
        return (long)XxHash3.HashToUInt64(_hashBuffer.WrittenSpan);
    }

    private void Append(string? value)
    {
        var text = value ?? "";
        var span = _hashBuffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
        var written = Encoding.UTF8.GetBytes(text, span);
        span[written] = 0x1F;
        _hashBuffer.Advance(written + 1);
    }

    public void Dispose() => _insert.Dispose();
}
