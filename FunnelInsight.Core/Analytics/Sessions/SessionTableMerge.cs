namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>
/// The table a fresh load would give, built from a table held in memory, which of its sessions are still stored, and
/// the sessions written since it was read: after an import only the sessions it touched are read from the store.
/// </summary>
internal static class SessionTableMerge
{
    /// <summary>
    /// <paramref name="held"/>'s sessions that <paramref name="stillStored"/> keeps (all when null) and
    /// <paramref name="added"/>'s, sorted by start (ties by session id) as a load sorts them; unsettled when
    /// <paramref name="added"/> (read in the same snapshot as <paramref name="stillStored"/>) is.
    /// </summary>
    public static SessionTable Merge(SessionTable held, IReadOnlySet<long>? stillStored, SessionTable added)
    {
        var keep = new List<int>(held.Count);
        for (var i = 0; i < held.Count; i++)
        {
            if (stillStored is null || stillStored.Contains(held.RowId[i]))
            {
                keep.Add(i);
            }
        }

        var merged = new SessionTable(keep.Count + added.Count) { Clock = held.Clock, RowsRead = added.Count, Unsettled = added.Unsettled };
        var heldMaps = NewMaps();
        var addedMaps = NewMaps();
        int k = 0, a = 0, tracked = 1;
        for (var row = 0; row < merged.Count; row++)
        {
            var fromHeld = a == added.Count
                || (k < keep.Count && (held.StartUs[keep[k]], held.RowId[keep[k]]).CompareTo((added.StartUs[a], added.RowId[a])) < 0);
            var (source, at, maps) = fromHeld ? (held, keep[k++], heldMaps) : (added, a++, addedMaps);
            Copy(source, at, merged, row, maps);
            tracked |= merged.OpenMask[row];
        }

        merged.Tracked = new TrackedStages(tracked);
        foreach (var column in merged.Dimensions.Append(merged.LastEvent))
        {
            _ = column.Values; // each value's spelling chosen now, before queries share the table
        }

        return merged;
    }

    /// <summary>True when <paramref name="table"/> records every row's spelling, which <see cref="Merge"/> needs.</summary>
    public static bool CanMerge(SessionTable table) => table.Dimensions.Append(table.LastEvent).All(column => column.Mergeable);

    private static int[][] NewMaps() => [[], [], [], []];

    private static void Copy(SessionTable from, int i, SessionTable to, int j, int[][] maps)
    {
        to.RowId[j] = from.RowId[i];
        to.StartUs[j] = from.StartUs[i];
        to.Depth[j] = from.Depth[i];
        to.OpenMask[j] = from.OpenMask[i];
        to.StepMask[j] = from.StepMask[i];
        to.LastStep[j] = from.LastStep[i];
        to.SignalMask[j] = from.SignalMask[i];
        to.ExitSignal[j] = from.ExitSignal[i];
        to.CartValue[j] = from.CartValue[i];
        to.CartItems[j] = from.CartItems[i];
        to.PurchaseValue[j] = from.PurchaseValue[i];
        to.CheckoutUs[j] = from.CheckoutUs[i];
        to.PurchaseUs[j] = from.PurchaseUs[i];
        to.PageLoadMs[j] = from.PageLoadMs[i];
        for (var d = 0; d < to.Dimensions.Length; d++)
        {
            to.Dimensions[d].CopyFrom(j, from.Dimensions[d], i, ref maps[d]);
        }

        to.LastEvent.CopyFrom(j, from.LastEvent, i, ref maps[3]);
    }
}
