using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Domain;
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
        for (var u = 0; u < units.Count; u++)
        {
            var mask = units.Mask[u];
            total[mask]++;
            if (groups is not null)
            {
                groups[units.Group[u] * 32 + mask]++;
            }

            if (query.Trend != TrendGranularity.None)
            {
                var period = PeriodOf(units.StartUs[u], query.Trend, clock);
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
        var trend = periods
            .Select(pair => new FunnelTrendPoint(DateOnly.FromDayNumber(pair.Key), FunnelSegment.FromMasks(DateOnly.FromDayNumber(pair.Key).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), pair.Value, tracked)))
            .ToList();
        return (FunnelSegment.FromMasks(All, total, tracked), breakdown, trend);
    }

    /// <summary>The day number of the period's first day, in the store's time zone: the day itself, or the Monday of its week.</summary>
    public static int PeriodOf(long startUs, TrendGranularity granularity, StoreClock clock)
    {
        var day = clock.DayOf(startUs);
        return granularity == TrendGranularity.Weekly ? day.DayNumber - ((int)day.DayOfWeek + 6) % 7 : day.DayNumber;
    }
}
