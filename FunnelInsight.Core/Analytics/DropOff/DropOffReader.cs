using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>Counts the last events of the units lost before a stage, from the store's sessions in memory.</summary>
internal static class DropOffReader
{
    /// <summary>
    /// In session scope each selected session is a unit; with <paramref name="visitors"/> (visitor scope) each visitor
    /// is one, counted as the visitor funnel counts it (its sessions as one stream within <paramref name="windowUs"/>),
    /// and its last event is that of its last selected session.
    /// </summary>
    public static DropOffReport Read(SessionTable table, FunnelQuery query, FunnelStage stage, VisitorPaths? visitors = null, long windowUs = 0)
    {
        if (stage == FunnelStage.Landing)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), "Every session lands: drop-off starts at product.");
        }

        // Lost before a stage means lost after the tracked stage before it; an untracked stage loses no one.
        int before = (int)(table.Tracked.Previous(stage) ?? FunnelStage.Landing), at = (int)stage;
        var counts = new long[table.LastEvent.Values.Count];
        var selected = table.Tracked.Contains(stage) ? SessionSelection.Select(table, query) : [];
        if (visitors is not null && query.Scope == FunnelScope.Visitor)
        {
            int[]? lastSessions = [];
            var units = VisitorFunnel.Build(table, visitors, selected, query with { Breakdown = null }, windowUs, ref lastSessions);
            var last = lastSessions!;
            for (var u = 0; u < units.Count; u++)
            {
                if ((units.Mask[u] & (1 << before)) != 0 && (units.Mask[u] & (1 << at)) == 0)
                {
                    counts[table.LastEvent.Codes[last[u]]]++;
                }
            }
        }
        else
        {
            foreach (var i in selected)
            {
                var lost = query.Mode == FunnelMode.Ordered
                    ? table.Depth[i] == before
                    : (table.OpenMask[i] & (1 << before)) != 0 && (table.OpenMask[i] & (1 << at)) == 0;
                if (lost)
                {
                    counts[table.LastEvent.Codes[i]]++;
                }
            }
        }

        var total = counts.Sum();
        var exits = Enumerable.Range(1, counts.Length - 1)
            .Where(code => counts[code] > 0)
            .Select(code => (Name: table.LastEvent.Values[code]!, Units: counts[code]))
            .OrderByDescending(c => c.Units).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ExitEvent(c.Name, c.Units, new Proportion(c.Units, total)))
            .ToList();
        return new DropOffReport(query, stage, total, exits);
    }
}
