namespace FunnelInsight.Benchmarks;

/// <summary>The median of timed runs: robust to one slow run on a shared machine.</summary>
internal static class Median
{
    public static double Of(IReadOnlyCollection<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
