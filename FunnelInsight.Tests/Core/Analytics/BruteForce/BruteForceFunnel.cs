namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>
/// An independent funnel implementation for agreement tests: plain loops over the raw generated events, no rollups,
/// no memory columns. Counts are per stage, landing … purchase.
/// </summary>
internal sealed class BruteForceFunnel
{
    public BruteForceFunnel(IReadOnlyList<RawEvent> events)
    {
        // A stage is tracked when any event of the store is of that stage; landing always is.
        Tracked = events.Select(BruteForceSession.StageOf).Aggregate(1, (mask, stage) => stage is { } k ? mask | 1 << k : mask);
        Sessions = events.GroupBy(e => e.Session).Select(g => new BruteForceSession(g.ToList(), Tracked)).ToList();
    }

    /// <summary>Bit k set when stage k is tracked.</summary>
    public int Tracked { get; }

    public List<BruteForceSession> Sessions { get; }

    /// <summary>
    /// How a breakdown shows a session's value: values are grouped without case and shown in the spelling most of the
    /// store's sessions carry (ties: the first in ordinal order).
    /// </summary>
    public string? Shown(string? value, Func<BruteForceSession, string?> dimension) =>
        value is null ? null : Sessions.Select(dimension).Where(v => v is not null && v.Equals(value, StringComparison.OrdinalIgnoreCase))
            .GroupBy(v => v!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    /// <summary>True when stage <paramref name="k"/> is tracked.</summary>
    public bool IsTracked(int k) => (Tracked >> k & 1) != 0;

    public List<BruteForceSession> Selected(FunnelQuery q) => Sessions.Where(s =>
        (q.From is null || DateOnly.FromDateTime(s.Start) >= q.From) && (q.To is null || DateOnly.FromDateTime(s.Start) <= q.To)
        && Matches(s.Device, q.Device) && Matches(s.Channel, q.Channel) && Matches(s.Country, q.Country)).ToList();

    /// <summary>
    /// Reached counts of the whole selection, or of each breakdown value / trend period when a key is given; null for
    /// an untracked stage.
    /// </summary>
    public Dictionary<string, long?[]> Reached(FunnelQuery q, Func<(BruteForceSession First, int Mask), string> key)
    {
        var result = new Dictionary<string, long?[]>();
        foreach (var unit in Units(q))
        {
            var k = key(unit);
            if (!result.TryGetValue(k, out var counts))
            {
                result[k] = counts = Enumerable.Range(0, 5).Select(stage => IsTracked(stage) ? 0 : (long?)null).ToArray();
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
            return selected.Select(s => (s, q.Mode == FunnelMode.Ordered ? Reached(s.ReachedAt) : s.OpenMask));
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
                mask = Reached(BruteForceSession.Greedy(stream, Tracked));
            }
            else
            {
                stream.ForEach(stage => mask |= stage is { } k ? 1 << k : 0);
            }

            return (sessions[0], mask);
        });
    }

    // The stages a greedy match reached, as a mask (untracked stages never are).
    private static int Reached(int[] reachedAt) => Enumerable.Range(0, 5).Where(k => reachedAt[k] >= 0).Aggregate(0, (mask, k) => mask | 1 << k);

    private static bool Matches(string? value, string? filter) => filter is null || string.Equals(value, filter, StringComparison.OrdinalIgnoreCase);
}
