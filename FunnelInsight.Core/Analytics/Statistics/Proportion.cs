namespace FunnelInsight.Core.Analytics.Statistics;

/// <summary>
/// A rate with its count and a 95% Wilson score interval: <see cref="Count"/> of <see cref="Total"/>.
/// With no total there is no rate: <see cref="HasData"/> is false and the value and bounds are 0. A count outside
/// 0 … total (possible between open-funnel stages) has no interval: both bounds equal the value.
/// </summary>
/// <param name="Count">Units that have the property.</param>
/// <param name="Total">Units it is a share of.</param>
public sealed record Proportion(long Count, long Total)
{
    /// <summary>The z value of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>No rate at all (0 of 0): what a figure of an untracked stage carries.</summary>
    public static Proportion None { get; } = new(0, 0);

    /// <summary>True when the total is above zero.</summary>
    public bool HasData => Total > 0;

    /// <summary>Count / total, a fraction (0.6957, not 69.57).</summary>
    public double Value => HasData ? (double)Count / Total : 0;

    /// <summary>Lower bound of the 95% Wilson interval.</summary>
    public double Low => Wilson(-1);

    /// <summary>Upper bound of the 95% Wilson interval.</summary>
    public double High => Wilson(1);

    /// <summary>True when the whole interval lies above <paramref name="reference"/>.</summary>
    public bool ClearlyAbove(double reference) => HasData && Low > reference;

    private double Wilson(int sign)
    {
        if (!HasData)
        {
            return 0;
        }

        // An open funnel can have more units at a stage than at the one before: a ratio, not a proportion.
        if (Count < 0 || Count > Total)
        {
            return Value;
        }

        double n = Total, p = Value, z2 = Z95 * Z95;
        var centre = p + z2 / (2 * n);
        var spread = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.Clamp((centre + sign * spread) / (1 + z2 / n), 0, 1);
    }
}
