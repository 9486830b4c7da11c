using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>Counts the last events of the sessions lost before a stage, from the store's sessions in memory.</summary>
internal static class DropOffReader
{
    public static DropOffReport Read(SessionTable table, FunnelQuery query, FunnelStage stage)
    {
        if (stage == FunnelStage.Landing)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), "Every session lands: drop-off starts at product.");
        }

        // Lost before a stage means lost after the tracked stage before it; an untracked stage loses no one.
        int before = (int)(table.Tracked.Previous(stage) ?? FunnelStage.Landing), at = (int)stage;
        var counts = new long[table.LastEvent.Values.Count];
        foreach (var i in table.Tracked.Contains(stage) ? SessionSelection.Select(table, query) : [])
        {
            var lost = query.Mode == FunnelMode.Ordered
                ? table.Depth[i] == before
                : (table.OpenMask[i] & (1 << before)) != 0 && (table.OpenMask[i] & (1 << at)) == 0;
            if (lost)
            {
                counts[table.LastEvent.Codes[i]]++;
            }
        }

        var total = counts.Sum();
        var exits = Enumerable.Range(1, counts.Length - 1)
            .Where(code => counts[code] > 0)
            .Select(code => (Name: table.LastEvent.Values[code]!, Sessions: counts[code]))
            .OrderByDescending(c => c.Sessions).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ExitEvent(c.Name, c.Sessions, new Proportion(c.Sessions, total)))
            .ToList();
        return new DropOffReport(query, stage, total, exits);
    }
}
