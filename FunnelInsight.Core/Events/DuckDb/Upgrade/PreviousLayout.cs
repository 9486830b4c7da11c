using System.Buffers.Binary;
using System.Numerics;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Events.DuckDb.Upgrade;

/// <summary>
/// The reader of the previous layout: what a database from before the DuckDB engine holds of one store, for
/// <see cref="BlocksUpgrade"/>: its events (event blocks, or rows in LegacyEvents), in id order, and its imports'
/// repeated event ids (a bit per id from the start of the store's range). Read only; nothing writes this layout any more.
/// </summary>
internal static class PreviousLayout
{
    /// <summary>The store's events, block after block (then the old rows), each with its identity hash computed again.</summary>
    public static IEnumerable<OldEvent> Read(DbConnection sqlite, IReadOnlySet<string> tables, int storeId, CancellationToken cancellationToken)
    {
        if (tables.Contains("EventBlocks"))
        {
            var block = new EventBlockReader();
            foreach (var (key, importId, data) in Rows(sqlite, "SELECT Id, ImportId, Data FROM EventBlocks WHERE Id BETWEEN @first AND @last ORDER BY Id", storeId,
                r => (r.GetInt64(0), r.GetInt32(1), (byte[])r.GetValue(2))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                block.Reset(key, data);
                while (block.Next(out var id, out var row))
                {
                    yield return new OldEvent(id, importId, row, data);
                }
            }
        }

        if (tables.Contains("LegacyEvents"))
        {
            foreach (var stored in Rows(sqlite, """
                SELECT Id, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, ProductId, OrderId, Device, Channel, Country, Price, Quantity, PageLoadMs
                FROM LegacyEvents WHERE Id BETWEEN @first AND @last ORDER BY Id
                """, storeId, Legacy))
            {
                yield return stored;
            }
        }
    }

    /// <summary>(import, event id) for every stored event an import of the store delivered again.</summary>
    public static IEnumerable<(int ImportId, long EventId)> Repeats(DbConnection sqlite, int storeId)
    {
        var first = StoreRowIds.First(storeId);
        foreach (var (importId, bits) in Rows(sqlite, "SELECT ImportId, Data FROM ImportRepeats WHERE StoreId = @store", storeId, r => (r.GetInt32(0), (byte[])r.GetValue(1))))
        {
            for (var word = 0; word + sizeof(ulong) <= bits.Length; word += sizeof(ulong))
            {
                var value = BinaryPrimitives.ReadUInt64LittleEndian(bits.AsSpan(word));
                while (value != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(value);
                    yield return (importId, first + (word / sizeof(ulong) * 64L) + bit);
                    value &= value - 1;
                }
            }
        }
    }

    private static OldEvent Legacy(DbDataReader r)
    {
        var text = new List<byte>();
        TextRange Text(int column)
        {
            if (r.IsDBNull(column))
            {
                return TextRange.Null;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(r.GetString(column));
            var range = new TextRange(text.Count, bytes.Length);
            text.AddRange(bytes);
            return range;
        }

        var row = new EventRow
        {
            TimeUs = r.GetInt64(2),
            Line = r.GetInt64(3),
            SessionKey = Text(4),
            VisitorKey = Text(5),
            EventName = Text(6),
            ProductId = Text(7),
            OrderId = Text(8),
            Device = Text(9),
            Channel = Text(10),
            Country = Text(11),
            Price = r.IsDBNull(12) ? null : r.GetDouble(12),
            Quantity = r.IsDBNull(13) ? null : r.GetInt32(13),
            PageLoadMs = r.IsDBNull(14) ? null : r.GetInt32(14),
        };
        var data = text.ToArray();
        row.IdentityHash = EventIdentity.Hash(row, data);
        return new OldEvent(r.GetInt64(0), r.GetInt32(1), row, data);
    }

    private static IEnumerable<T> Rows<T>(DbConnection sqlite, string sql, int storeId, Func<DbDataReader, T> read)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("first", StoreRowIds.First(storeId));
        command.AddParameter("last", StoreRowIds.Last(storeId));
        command.AddParameter("store", storeId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return read(reader);
        }
    }
}
