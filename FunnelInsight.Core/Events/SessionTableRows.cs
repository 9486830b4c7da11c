using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Events;

/// <summary>One field-by-position view of a row of an engine's sessions table, as <see cref="SessionTableRows"/> reads it.</summary>
internal interface ISessionRow
{
    /// <summary>Whether field <paramref name="i"/> is NULL.</summary>
    bool IsNull(int i);

    /// <summary>Field <paramref name="i"/> as a whole number.</summary>
    long Int64(int i);

    /// <summary>Field <paramref name="i"/> as a 32-bit whole number.</summary>
    int Int32(int i);

    /// <summary>Field <paramref name="i"/> as a number.</summary>
    double Double(int i);

    /// <summary>Field <paramref name="i"/> as text, or null.</summary>
    string? NullableString(int i);
}

/// <summary>
/// Reads the rows of an engine's sessions table into a <see cref="SessionTable"/>'s memory columns: one column list
/// and one check of what a rollup writes, for every engine.
/// </summary>
internal static class SessionTableRows
{
    /// <summary>The columns <see cref="Read"/> takes, in its order.</summary>
    public const string Columns = """
        id, start_us, ordered_depth, open_mask, step_mask, last_step, signal_mask, exit_signal, cart_value, cart_items,
               purchase_value, checkout_us, purchase_us, avg_page_load_ms, device, channel, country, last_event_name
        """;

    /// <summary>Puts <paramref name="row"/> (<see cref="Columns"/>) at position <paramref name="i"/>; returns its open stage mask.</summary>
    /// <exception cref="InvalidDataException">The row holds a stage no rollup writes.</exception>
    public static int Read<TRow>(SessionTable table, int i, TRow row, int storeId)
        where TRow : ISessionRow
    {
        var openMask = row.Int32(3);
        var depth = row.Int32(2);
        if (depth is < 0 or > (int)FunnelStage.Purchase || openMask is < 0 or >= 1 << ((int)FunnelStage.Purchase + 1))
        {
            // A value no rollup writes: the table was changed outside FunnelInsight, and no figure may be read from it.
            throw new InvalidDataException($"Session {row.Int64(0)} of store {storeId} in the events database is damaged (stage {depth}, stages {openMask}).");
        }

        table.RowId[i] = row.Int64(0);
        table.StartUs[i] = row.Int64(1);
        table.Depth[i] = (byte)depth;
        table.OpenMask[i] = (byte)openMask;
        table.StepMask[i] = (byte)row.Int32(4);
        table.LastStep[i] = (byte)row.Int32(5);
        table.SignalMask[i] = (byte)row.Int32(6);
        table.ExitSignal[i] = (byte)row.Int32(7);
        table.CartValue[i] = row.Double(8);
        table.CartItems[i] = row.Int32(9);
        table.PurchaseValue[i] = row.Double(10);
        table.CheckoutUs[i] = row.IsNull(11) ? SessionTable.NoTime : row.Int64(11);
        table.PurchaseUs[i] = row.IsNull(12) ? SessionTable.NoTime : row.Int64(12);
        table.PageLoadMs[i] = row.IsNull(13) ? float.NaN : (float)row.Double(13);
        table.Dimensions[0].Set(i, row.NullableString(14));
        table.Dimensions[1].Set(i, row.NullableString(15));
        table.Dimensions[2].Set(i, row.NullableString(16));
        table.LastEvent.Set(i, row.NullableString(17));
        return openMask;
    }

    /// <summary>Ends a read: the stages the rows track, and each value's spelling chosen before queries share the table.</summary>
    public static SessionTable Finish(SessionTable table, int tracked)
    {
        table.Tracked = new TrackedStages(tracked);
        foreach (var column in table.Dimensions.Append(table.LastEvent))
        {
            _ = column.Values;
        }

        return table;
    }
}
