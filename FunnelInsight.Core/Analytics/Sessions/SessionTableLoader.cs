using System.Buffers;
using FunnelInsight.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>Reads a store's session rollups into a <see cref="SessionTable"/>.</summary>
internal static class SessionTableLoader
{
    private const int SessionRollupPathEntry = Rollups.SessionRollup.PathEntrySize;

    // A store's sessions are one row-id range (StoreRowIds): read in row-id order, sequentially.
    private const string Columns = """
        SELECT Id, StartUs, OrderedDepth, OpenMask, StepMask, LastStep, SignalMask, ExitSignal, CartValue, CartItems,
            PurchaseValue, CheckoutUs, PurchaseUs, AvgPageLoadMs, Device, Channel, Country
        FROM Sessions WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id
        """;

    public static SessionTable Load(SqliteConnection connection, int storeId, CancellationToken cancellationToken)
    {
        // One read transaction: the count and the rows come from the same snapshot even if an import commits meanwhile.
        using var snapshot = connection.BeginTransaction(deferred: true);
        int count;
        using (var counting = new RawRows(connection, "SELECT COUNT(*) FROM Sessions WHERE Id BETWEEN ?1 AND ?2", StoreRowIds.Range(storeId)))
        {
            count = counting.Read() ? (int)counting.Int64(0) : 0;
        }

        var table = new SessionTable(count);
        using var rows = new RawRows(connection, Columns, StoreRowIds.Range(storeId));
        Span<char> buffer = stackalloc char[256];
        var i = 0;
        while (i < count && rows.Read())
        {
            table.RowId[i] = rows.Int64(0);
            table.StartUs[i] = rows.Int64(1);
            table.Depth[i] = (byte)rows.Int64(2);
            table.OpenMask[i] = (byte)rows.Int64(3);
            table.StepMask[i] = (byte)rows.Int64(4);
            table.LastStep[i] = (byte)rows.Int64(5);
            table.SignalMask[i] = (byte)rows.Int64(6);
            table.ExitSignal[i] = (byte)rows.Int64(7);
            table.CartValue[i] = rows.Double(8);
            table.CartItems[i] = (int)rows.Int64(9);
            table.PurchaseValue[i] = rows.Double(10);
            table.CheckoutUs[i] = rows.IsNull(11) ? SessionTable.NoTime : rows.Int64(11);
            table.PurchaseUs[i] = rows.IsNull(12) ? SessionTable.NoTime : rows.Int64(12);
            table.PageLoadMs[i] = rows.IsNull(13) ? float.NaN : (float)rows.Double(13);
            for (var d = 0; d < 3; d++)
            {
                table.Dimensions[d].Codes[i] = rows.IsNull(14 + d) ? (ushort)0 : table.Dimensions[d].Encode(rows.Chars(14 + d, buffer));
            }

            if (++i % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        // Sorted by start (ties by row id) so a date range is a binary search and trends read in time order.
        var order = new int[i];
        for (var k = 0; k < i; k++)
        {
            order[k] = k;
        }

        var keys = table.StartUs[..i];
        Array.Sort(keys, order);
        StabilizeTies(keys, order);
        table.Permute(order);
        return table;
    }

    /// <summary>Reads the visitor of every session and its stage path, for visitor-scope funnels.</summary>
    public static VisitorPaths LoadVisitors(SqliteConnection connection, int storeId, SessionTable table, CancellationToken cancellationToken)
    {
        var position = new Dictionary<long, int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            position[table.RowId[i]] = i;
        }

        var visitor = new int[table.Count];
        var pathStart = new int[table.Count];
        var pathLength = new int[table.Count];
        var pathBytes = new ArrayBufferWriter<byte>(table.Count * 2 * SessionRollupPathEntry);
        var visitorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = visitorIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        using var rows = new RawRows(connection, "SELECT Id, VisitorKey, StagePath FROM Sessions WHERE Id BETWEEN ?1 AND ?2", StoreRowIds.Range(storeId));
        var read = 0;
        while (rows.Read())
        {
            if (!position.TryGetValue(rows.Int64(0), out var i))
            {
                continue;
            }

            var key = rows.Chars(1, buffer);
            if (!lookup.TryGetValue(key, out var id))
            {
                id = visitorIds.Count;
                visitorIds.Add(key.ToString(), id);
            }

            visitor[i] = id;
            var path = rows.Bytes(2);
            pathStart[i] = pathBytes.WrittenCount;
            pathLength[i] = path.Length;
            pathBytes.Write(path);
            if (++read % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return new VisitorPaths(visitor, visitorIds.Count, pathBytes.WrittenSpan.ToArray(), pathStart, pathLength);
    }

    // Array.Sort is not stable; equal starts are put back in row-id (load) order so results never depend on it.
    private static void StabilizeTies(long[] keys, int[] order)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(order, start, i - start);
                }

                start = i;
            }
        }
    }
}
