using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>Counts funnel units into histograms of stage masks: one for the whole, one per breakdown value and per period.</summary>
internal static class FunnelCalculator
{
    /// <summary>Label of units whose breakdown dimension is not set.</summary>
    public const string NotSet = "(not set)";

    /// <summary>Label of the whole selection.</summary>
    public const string All = "all";

    public static (FunnelSegment Total, IReadOnlyList<FunnelSegment> Breakdown, IReadOnlyList<FunnelTrendPoint> Trend) Count(
        FunnelUnits units, FunnelQuery query, IReadOnlyList<string?> groupValues, TrackedStages tracked, StoreClock clock)
    {
        var total = new long[32];
        var groups = query.Breakdown is null ? null : new long[groupValues.Count * 32];
        var periods = new SortedDictionary<int, long[]>();
        var (first, last) = query.Trend == TrendGranularity.None ? default : Covered(units, query, clock);
        var granularity = query.Trend == TrendGranularity.Automatic ? TrendPeriods.IntervalFor(first, last) : query.Trend;
        for (var u = 0; u < units.Count; u++)
        {
            var mask = units.Mask[u];
            total[mask]++;
            if (groups is not null)
            {
                groups[units.Group[u] * 32 + mask]++;
            }

            if (granularity != TrendGranularity.None)
            {
                var period = TrendPeriods.StartOf(clock.DayOf(units.StartUs[u]), granularity).DayNumber;
                if (!periods.TryGetValue(period, out var histogram))
                {
                    histogram = new long[32];
                    periods.Add(period, histogram);
                }

                histogram[mask]++;
            }
        }

        var breakdown = new List<FunnelSegment>();
        for (var code = 0; groups is not null && code < groupValues.Count; code++)
        {
            var segment = FunnelSegment.FromMasks(groupValues[code] ?? NotSet, groups.AsSpan(code * 32, 32), tracked);
            if (segment.Landed > 0)
            {
                breakdown.Add(segment);
            }
        }

        breakdown.Sort((a, b) => a.Landed != b.Landed ? b.Landed.CompareTo(a.Landed) : string.CompareOrdinal(a.Label, b.Label));
        var trend = periods.Select(pair => Point(DateOnly.FromDayNumber(pair.Key), pair.Value)).ToList();
        return (FunnelSegment.FromMasks(All, total, tracked), breakdown, trend);

        FunnelTrendPoint Point(DateOnly start, long[] histogram)
        {
            var end = TrendPeriods.EndOf(start, granularity);
            var label = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return new FunnelTrendPoint(start, FunnelSegment.FromMasks(label, histogram, tracked))
            {
                PeriodEnd = end,
                Granularity = granularity,
                Partial = start < first || end > last,
            };
        }
    }

    // The days the trend covers: the range asked for, and at an open end the selection's first or last session day.
    private static (DateOnly First, DateOnly Last) Covered(FunnelUnits units, FunnelQuery query, StoreClock clock)
    {
        long min = long.MaxValue, max = long.MinValue;
        for (var u = 0; u < units.Count && (query.From is null || query.To is null); u++)
        {
            min = Math.Min(min, units.StartUs[u]);
            max = Math.Max(max, units.StartUs[u]);
        }

        var first = query.From ?? (units.Count > 0 ? clock.DayOf(min) : query.To ?? default);
        var last = query.To ?? (units.Count > 0 ? clock.DayOf(max) : first);
        return (first, last);
    }
}
