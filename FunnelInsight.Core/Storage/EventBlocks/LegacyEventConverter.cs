using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Packs the events of a database from before event blocks (a row each, kept as table LegacyEvents by the EventBlocks
/// migration) into blocks, keeping their ids, and drops the old table: one transaction, run after the migrations.
/// </summary>
internal static class LegacyEventConverter
{
    private const string Table = "LegacyEvents";

    private const string Select = $"""
        SELECT Id, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, ProductId, OrderId, Device, Channel, Country,
            Price, Quantity, PageLoadMs
        FROM {Table} ORDER BY Id
        """;

    /// <summary>Converts the old table's events, if there is an old table; returns how many events it packed.</summary>
    public static long Run(SqliteConnection connection)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}'";
            if ((long)exists.ExecuteScalar()! == 0)
            {
                return 0;
            }
        }

        using var transaction = connection.BeginTransaction();
        long count = 0;
        EventBlockWriter? writer = null;
        (long Store, long Import) group = (-1, -1);
        var text = new byte[1024];
        using (var rows = new RawRows(connection, Select, []))
        {
            while (rows.Read())
            {
                var id = rows.Int64(0);
                var importId = (int)rows.Int64(1);
                if (group != (id / StoreRowIds.PerStore, importId))
                {
                    writer?.Flush();
                    writer?.Dispose();
                    writer = new EventBlockWriter(connection, importId);
                    group = (id / StoreRowIds.PerStore, importId);
                }

                var used = 0;
                var row = new EventRow
                {
                    TimeUs = rows.Int64(2),
                    Line = rows.Int64(3),
                    SessionKey = Text(rows, 4, ref text, ref used),
                    VisitorKey = Text(rows, 5, ref text, ref used),
                    EventName = Text(rows, 6, ref text, ref used),
                    ProductId = Text(rows, 7, ref text, ref used),
                    OrderId = Text(rows, 8, ref text, ref used),
                    Device = Text(rows, 9, ref text, ref used),
                    Channel = Text(rows, 10, ref text, ref used),
                    Country = Text(rows, 11, ref text, ref used),
                    Price = rows.IsNull(12) ? null : rows.Double(12),
                    Quantity = rows.IsNull(13) ? null : (int)rows.Int64(13),
                    PageLoadMs = rows.IsNull(14) ? null : (int)rows.Int64(14),
                };
                writer!.Write(id, row, text);
                count++;
            }
        }

        writer?.Flush();
        writer?.Dispose();
        using (var drop = connection.CreateCommand())
        {
            drop.Transaction = transaction;
            drop.CommandText = $"DROP TABLE {Table}";
            drop.ExecuteNonQuery();
        }

        transaction.Commit();
        return count;
    }

    // Copies a text column's UTF-8 bytes into the row's text buffer.
    private static TextRange Text(RawRows rows, int column, ref byte[] text, ref int used)
    {
        if (rows.IsNull(column))
        {
            return TextRange.Null;
        }

        var bytes = rows.Bytes(column);
        if (used + bytes.Length > text.Length)
        {
            Array.Resize(ref text, Math.Max(text.Length * 2, used + bytes.Length));
        }

        bytes.CopyTo(text.AsSpan(used));
        var range = new TextRange(used, bytes.Length);
        used += bytes.Length;
        return range;
    }
}
