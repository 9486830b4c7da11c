namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>A funnel answer: the whole selection, its breakdown, its trend and its time to convert.</summary>
/// <param name="Query">The question asked.</param>
/// <param name="Total">The whole selection.</param>
/// <param name="Breakdown">One segment per value of the breakdown dimension, most landings first; empty without a breakdown.</param>
/// <param name="Trend">One point per period with landings, in time order; empty without a trend.</param>
/// <param name="TimeToConvert">Landing → purchase and checkout → purchase times of purchasing sessions.</param>
public sealed record FunnelReport(
    FunnelQuery Query,
    FunnelSegment Total,
    IReadOnlyList<FunnelSegment> Breakdown,
    IReadOnlyList<FunnelTrendPoint> Trend,
    TimeToConvert TimeToConvert);
