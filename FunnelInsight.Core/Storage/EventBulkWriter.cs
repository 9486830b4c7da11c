using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Writes events in batches of multi-row inserts with no change tracking. An event already in the store
/// (same identity hash) is skipped and counted as a duplicate.
/// </summary>
internal sealed class EventBulkWriter : IDisposable
{
    private const int BatchSize = 200;
    private static readonly string[] Columns =
    [
        "StoreId", "ImportId", "TimeUs", "Line", "SessionKey", "VisitorKey", "EventName", "ProductId", "Price",
        "Quantity", "OrderId", "Device", "Channel", "Country", "PageLoadMs", "IdentityHash",
    ];

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly int _storeId;
    private readonly int _importId;
    private readonly EventRow[] _pending = new EventRow[BatchSize];
    private readonly SqliteCommand _fullBatch;
    private readonly ArrayBufferWriter<byte> _hashBuffer = new(256);
    private int _count;

    public EventBulkWriter(SqliteConnection connection, SqliteTransaction transaction, int storeId, int importId)
    {
        _connection = connection;
        _transaction = transaction;
        _storeId = storeId;
        _importId = importId;
        _fullBatch = CreateCommand(BatchSize);
    }

    /// <summary>Events stored so far.</summary>
    public long Stored { get; private set; }

    /// <summary>Events skipped because the store already had them.</summary>
    public long Duplicates { get; private set; }

    public void Add(in EventRow row)
    {
        _pending[_count++] = row;
        if (_count == BatchSize)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        using var partial = _count == BatchSize ? null : CreateCommand(_count);
        var command = partial ?? _fullBatch;
        var parameters = command.Parameters;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var row = ref _pending[i];
            var p = i * Columns.Length;
            parameters[p].Value = _storeId;
            parameters[p + 1].Value = _importId;
            parameters[p + 2].Value = row.TimeUs;
            parameters[p + 3].Value = row.Line;
            parameters[p + 4].Value = (object?)row.SessionKey ?? DBNull.Value;
            parameters[p + 5].Value = row.VisitorKey;
            parameters[p + 6].Value = row.EventName;
            parameters[p + 7].Value = (object?)row.ProductId ?? DBNull.Value;
            parameters[p + 8].Value = (object?)row.Price ?? DBNull.Value;
            parameters[p + 9].Value = (object?)row.Quantity ?? DBNull.Value;
            parameters[p + 10].Value = (object?)row.OrderId ?? DBNull.Value;
            parameters[p + 11].Value = (object?)row.Device ?? DBNull.Value;
            parameters[p + 12].Value = (object?)row.Channel ?? DBNull.Value;
            parameters[p + 13].Value = (object?)row.Country ?? DBNull.Value;
            parameters[p + 14].Value = (object?)row.PageLoadMs ?? DBNull.Value;
            parameters[p + 15].Value = IdentityHash(row);
        }

        var inserted = command.ExecuteNonQuery();
        Stored += inserted;
        Duplicates += _count - inserted;
        _count = 0;
    }

    /// <summary>
    /// What identifies an event: its time, session, visitor, name, product and order. Two rows that agree
    /// on all of these are the same event, however often they are exported.
    /// </summary>
    private long IdentityHash(in EventRow row)
    {
        _hashBuffer.Clear();
        var time = _hashBuffer.GetSpan(8);
        MemoryMarshal.Write(time, row.TimeUs);
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

    private SqliteCommand CreateCommand(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var sql = new StringBuilder("INSERT INTO Events (").AppendJoin(", ", Columns).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = $"$p{r * Columns.Length + c}";
                sql.Append(c == 0 ? name : "," + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(" ON CONFLICT (StoreId, IdentityHash) DO NOTHING").ToString();
        command.Prepare();
        return command;
    }

    public void Dispose() => _fullBatch.Dispose();
}
