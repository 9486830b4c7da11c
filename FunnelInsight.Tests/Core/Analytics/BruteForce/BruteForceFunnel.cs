using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>
/// An independent funnel implementation for agreement tests: plain loops over the raw generated events, no rollups,
/// no memory columns. Counts are per stage, landing … purchase.
/// </summary>
internal sealed class BruteForceFunnel(IEnumerable<RawEvent> events)
{
    public List<BruteForceSession> Sessions { get; } = events.GroupBy(e => e.Session).Select(g => new BruteForceSession(g.ToList())).ToList();

    public List<BruteForceSession> Selected(FunnelQuery q) => Sessions.Where(s =>
        (q.From is null || DateOnly.FromDateTime(s.Start) >= q.From) && (q.To is null || DateOnly.FromDateTime(s.Start) <= q.To)
        && Matches(s.Device, q.Device) && Matches(s.Channel, q.Channel) && Matches(s.Country, q.Country)).ToList();

    /// <summary>Reached counts of the whole selection, or of each breakdown value / trend period when a key is given.</summary>
    public Dictionary<string, long[]> Reached(FunnelQuery q, Func<(BruteForceSession First, int Mask), string> key)
    {
        var result = new Dictionary<string, long[]>();
        foreach (var unit in Units(q))
        {
            var k = key(unit);
            if (!result.TryGetValue(k, out var counts))
            {
                result[k] = counts = new long[5];
            }

            for (var stage = 0; stage < 5; stage++)
            {
                counts[stage] += unit.Mask >> stage & 1;
            }
        }

        return result;
    }

    /// <summary>The units of the query: each session, or each visitor's first session with the visitor's mask.</summary>
    public IEnumerable<(BruteForceSession First, int Mask)> Units(FunnelQuery q)
    {
        var selected = Selected(q);
        if (q.Scope == FunnelScope.Session)
        {
            return selected.Select(s => (s, q.Mode == FunnelMode.Ordered ? (1 << (s.Depth + 1)) - 1 : s.OpenMask));
        }

        var window = TimeSpan.FromHours(q.WindowHours ?? 168);
        return selected.GroupBy(s => s.Visitor).Select(g =>
        {
            var sessions = g.OrderBy(s => s.Start).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
            var end = sessions[0].Start + window;
            var stream = sessions
                .SelectMany((s, index) => s.Events.Select((e, position) => (e, index, position)))
                .Where(x => x.e.Time <= end)
                .OrderBy(x => x.e.Time).ThenBy(x => x.index).ThenBy(x => x.position)
                .Select(x => BruteForceSession.StageOf(x.e))
                .ToList();
            var mask = 1;
            if (q.Mode == FunnelMode.Ordered)
            {
                var reached = BruteForceSession.Greedy(stream);
                mask = (1 << (Array.FindLastIndex(reached, p => p >= 0) + 1)) - 1;
            }
            else
            {
                stream.ForEach(stage => mask |= stage is { } k ? 1 << k : 0);
            }

            return (sessions[0], mask);
        });
    }

    private static bool Matches(string? value, string? filter) => filter is null || string.Equals(value, filter, StringComparison.OrdinalIgnoreCase);
}
