namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>The funnel of the units that landed in one trend period.</summary>
/// <param name="PeriodStart">First day of the period (the day, the Monday of the week, or the first of the month; store time).</param>
/// <param name="Funnel">Its stages, overall and step conversions.</param>
public sealed record FunnelTrendPoint(DateOnly PeriodStart, FunnelSegment Funnel)
{
    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly PeriodEnd { get; init; } = PeriodStart;

    /// <summary>The interval the trend was cut into (never <see cref="TrendGranularity.Automatic"/>: the one it chose).</summary>
    public TrendGranularity Granularity { get; init; } = TrendGranularity.Daily;

    /// <summary>
    /// True when the range asked for (or, at an open end, the selection's first or last session day) covers only
    /// part of the period: its counts are not comparable with a whole period's.
    /// </summary>
    public bool Partial { get; init; }

    /// <summary>True when the overall conversion rests on fewer than <see cref="TrendPeriods.MinSample"/> landings.</summary>
    public bool SmallSample => TrendPeriods.IsSmallSample(Funnel.OverallConversion);
}
