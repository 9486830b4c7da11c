namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>The funnel of the units that landed in one trend period.</summary>
/// <param name="PeriodStart">First day of the period (the day, or the Monday of the week; UTC).</param>
/// <param name="Funnel">Its stages, overall and step conversions.</param>
public sealed record FunnelTrendPoint(DateOnly PeriodStart, FunnelSegment Funnel);
