namespace FunnelInsight.Core.Analytics.Statistics;

/// <summary>Median and percentiles of durations, as the README's "How the numbers are computed" defines them.</summary>
public static class Quantile
{
    /// <summary>The median: the middle value, or the mean of the two middle values; null when empty.</summary>
    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The nearest-rank percentile: the ⌈q·n⌉-th smallest value; null when empty.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count - 1e-9) - 1, 0, sorted.Count - 1)];
}
