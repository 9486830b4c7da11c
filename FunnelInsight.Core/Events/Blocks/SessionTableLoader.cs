using System.Buffers;
using System.Text;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>Reads a store's session rollups into a <see cref="SessionTable"/>.</summary>
internal static class SessionTableLoader
{
    public static SessionTable Load(SqliteConnection connection, int storeId, CancellationToken cancellationToken)
    {
        // One read transaction: the count and the sessions come from the same snapshot even if an import commits meanwhile.
        using var snapshot = connection.BeginTransaction(deferred: true);
        var table = new SessionTable((int)SessionBlockStore.Count(connection, storeId));
        var chars = new char[256];
        var i = 0;
        var tracked = 1;
        SessionBlockStore.Read(connection, storeId, (long id, in SessionRecord s, ReadOnlySpan<byte> text) =>
        {
            tracked |= s.OpenMask;
            table.RowId[i] = id;
            table.StartUs[i] = s.StartUs;
            table.Depth[i] = (byte)s.OrderedDepth;
            table.OpenMask[i] = (byte)s.OpenMask;
            table.StepMask[i] = (byte)s.StepMask;
            table.LastStep[i] = (byte)s.LastStep;
            table.SignalMask[i] = (byte)s.SignalMask;
            table.ExitSignal[i] = (byte)s.ExitSignal;
            table.CartValue[i] = s.CartValue;
            table.CartItems[i] = s.CartItems;
            table.PurchaseValue[i] = s.PurchaseValue;
            table.CheckoutUs[i] = s.CheckoutUs ?? SessionTable.NoTime;
            table.PurchaseUs[i] = s.PurchaseUs ?? SessionTable.NoTime;
            table.PageLoadMs[i] = s.AvgPageLoadMs is { } pageLoad ? (float)pageLoad : float.NaN;
            Set(table.Dimensions[0], i, text, s.Device, ref chars);
            Set(table.Dimensions[1], i, text, s.Channel, ref chars);
            Set(table.Dimensions[2], i, text, s.Country, ref chars);
            Set(table.LastEvent, i, text, s.LastEventName, ref chars);
            i++;
        }, cancellationToken);

        table.Tracked = new TrackedStages(tracked);
        foreach (var column in table.Dimensions.Append(table.LastEvent))
        {
            _ = column.Values; // each value's spelling chosen now, before queries share the table
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
        var paths = new VisitorPathsBuilder(table);
        var chars = new char[256];
        SessionBlockStore.Read(connection, storeId, (long id, in SessionRecord s, ReadOnlySpan<byte> text) =>
        {
            if (paths.Holds(id))
            {
                paths.Add(id, Chars(text, s.VisitorKey, ref chars), text.Slice(s.StagePath.Offset, s.StagePath.Length));
            }
        }, cancellationToken);

        return paths.Build();
    }

    // A text value of the row (not set when missing), decoded from UTF-8 without a string for values already seen.
    private static void Set(DimensionColumn column, int row, ReadOnlySpan<byte> text, TextRange range, ref char[] chars)
    {
        if (range.IsNull)
        {
            column.Set(row, null);
        }
        else
        {
            column.Set(row, Chars(text, range, ref chars));
        }
    }

    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> text, TextRange range, ref char[] chars)
    {
        var utf8 = text.Slice(range.Offset, Math.Max(range.Length, 0));
        if (utf8.Length > chars.Length)
        {
            chars = new char[utf8.Length];
        }

        return chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars));
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
