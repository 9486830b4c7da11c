using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>Reads a store's session rollups into a <see cref="SessionTable"/>.</summary>
internal static class SessionTableLoader
{
    private const string Columns = """
        SELECT Id, StartUs, OrderedDepth, OpenMask, StepMask, LastStep, SignalMask, ExitSignal, CartValue, CartItems,
            PurchaseValue, CheckoutUs, PurchaseUs, AvgPageLoadMs, Device, Channel, Country
        FROM Sessions WHERE StoreId = $store ORDER BY Id
        """;

    public static SessionTable Load(SqliteConnection connection, int storeId, CancellationToken cancellationToken)
    {
        // One read transaction: the count and the rows come from the same snapshot even if an import commits meanwhile.
        using var snapshot = connection.BeginTransaction(deferred: true);
        using var counting = connection.CreateCommand();
        counting.Transaction = snapshot;
        counting.CommandText = "SELECT COUNT(*) FROM Sessions WHERE StoreId = $store";
        counting.Parameters.AddWithValue("$store", storeId);
        var count = Convert.ToInt32(counting.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var table = new SessionTable(count);
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = Columns;
        command.Parameters.AddWithValue("$store", storeId);
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read() && i < count)
        {
            table.RowId[i] = reader.GetInt64(0);
            table.StartUs[i] = reader.GetInt64(1);
            table.Depth[i] = (byte)reader.GetInt32(2);
            table.OpenMask[i] = (byte)reader.GetInt32(3);
            table.StepMask[i] = (byte)reader.GetInt32(4);
            table.LastStep[i] = (byte)reader.GetInt32(5);
            table.SignalMask[i] = (byte)reader.GetInt32(6);
            table.ExitSignal[i] = (byte)reader.GetInt32(7);
            table.CartValue[i] = reader.GetDouble(8);
            table.CartItems[i] = reader.GetInt32(9);
            table.PurchaseValue[i] = reader.GetDouble(10);
            table.CheckoutUs[i] = reader.IsDBNull(11) ? SessionTable.NoTime : reader.GetInt64(11);
            table.PurchaseUs[i] = reader.IsDBNull(12) ? SessionTable.NoTime : reader.GetInt64(12);
            table.PageLoadMs[i] = reader.IsDBNull(13) ? float.NaN : (float)reader.GetDouble(13);
            for (var d = 0; d < 3; d++)
            {
                table.Dimensions[d].Codes[i] = table.Dimensions[d].Encode(reader.IsDBNull(14 + d) ? null : reader.GetString(14 + d));
            }

            if (++i % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        // Sorted by start (ties by row id) so a date range is a binary search and trends read in time order.
        var order = new int[count];
        for (var k = 0; k < count; k++)
        {
            order[k] = k;
        }

        var keys = (long[])table.StartUs.Clone();
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
        var paths = new byte[table.Count][];
        var visitorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, VisitorKey, StagePath FROM Sessions WHERE StoreId = $store";
        command.Parameters.AddWithValue("$store", storeId);
        using var reader = command.ExecuteReader();
        var read = 0;
        while (reader.Read())
        {
            if (!position.TryGetValue(reader.GetInt64(0), out var i))
            {
                continue;
            }

            var key = reader.GetString(1);
            if (!visitorIds.TryGetValue(key, out var id))
            {
                id = visitorIds.Count;
                visitorIds.Add(key, id);
            }

            visitor[i] = id;
            paths[i] = (byte[])reader.GetValue(2);
            if (++read % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return new VisitorPaths(visitor, visitorIds.Count, paths);
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
