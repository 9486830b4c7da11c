using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>
/// Counts the engine's rows of a user-defined funnel into the stage funnel's shapes: the whole, one segment per
/// breakdown value (values grouped without case as the stage funnel groups them) and one trend point per period.
/// </summary>
internal static class DefinedFunnelCounter
{
    public static FunnelReport Count(FunnelQuery query, DefinedFunnelPlan plan, IReadOnlyList<EventFunnelRow> rows, SessionTable table)
    {
        var steps = query.Steps!.Steps;
        var clock = table.Clock;
        var total = new long[plan.Engine.Steps.Count];
        var groups = new Dictionary<ushort, long[]>();
        var periods = new SortedDictionary<int, long[]>();
        var column = query.Breakdown is { } dimension ? table.Dimensions[(int)dimension] : null;
        var (first, last) = Covered(rows, query, clock);
        var granularity = query.Trend == TrendGranularity.Automatic ? TrendPeriods.IntervalFor(first, last) : query.Trend;
        foreach (var row in rows)
        {
            Add(total, row);
            if (column is not null)
            {
                Add(Histogram(groups, column.CodeOf(row.Group), total.Length), row);
            }

            if (granularity != TrendGranularity.None)
            {
                Add(Histogram(periods, TrendPeriods.StartOf(clock.DayOf(row.Slot * EventFunnelQuery.SlotUs), granularity).DayNumber, total.Length), row);
            }
        }

        var values = column?.Values ?? [];
        var breakdown = groups.Select(g => Segment(values[g.Key] ?? FunnelCalculator.NotSet, g.Value))
            .Where(s => s.Landed > 0)
            .OrderByDescending(s => s.Landed).ThenBy(s => s.Label, StringComparer.Ordinal).ToList();
        var trend = periods.Select(p =>
        {
            var start = DateOnly.FromDayNumber(p.Key);
            var end = TrendPeriods.EndOf(start, granularity);
            return new FunnelTrendPoint(start, Segment(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Value))
            {
                PeriodEnd = end,
                Granularity = granularity,
                Partial = start < first || end > last,
            };
        }).ToList();
        return new FunnelReport(query, Segment(FunnelCalculator.All, total), breakdown, trend, new TimeToConvert(0, null, null, null, null));

        FunnelSegment Segment(string label, long[] reached) =>
            DefinedSegment.Build(label, steps, plan.EngineStep.Select(e => e < 0 ? (long?)null : reached[e]).ToList());
    }

    // Units per engine step: bit k of the row's mask is step k reached.
    private static void Add(long[] reached, EventFunnelRow row)
    {
        for (var k = 0; k < reached.Length; k++)
        {
            reached[k] += (row.Mask >> k & 1) * row.Units;
        }
    }

    private static long[] Histogram<TKey>(IDictionary<TKey, long[]> histograms, TKey key, int steps)
    {
        if (!histograms.TryGetValue(key, out var histogram))
        {
            histogram = new long[steps];
            histograms.Add(key, histogram);
        }

        return histogram;
    }

    // The days the trend covers: the range asked for, and at an open end the first or last day a counted unit landed.
    private static (DateOnly First, DateOnly Last) Covered(IReadOnlyList<EventFunnelRow> rows, FunnelQuery query, StoreClock clock)
    {
        var slots = rows.Select(r => r.Slot).DefaultIfEmpty().ToList();
        var first = query.From ?? (rows.Count > 0 ? clock.DayOf(slots.Min() * EventFunnelQuery.SlotUs) : query.To ?? default);
        var last = query.To ?? (rows.Count > 0 ? clock.DayOf(slots.Max() * EventFunnelQuery.SlotUs) : first);
        return (first, last);
    }
}
