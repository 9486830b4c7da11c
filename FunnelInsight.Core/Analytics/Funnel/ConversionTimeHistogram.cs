namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// The time-to-convert histogram's buckets: under a minute, 1–5 and 5–15 minutes, a quarter to half an hour, half an
/// hour to an hour, 1–3 and 3–24 hours, and a day or more (visitor scope, or long sessions). Fixed edges, so that two
/// periods or filters compare bar by bar and a merchant reads them without a scale.
/// </summary>
public static class ConversionTimeHistogram
{
    /// <summary>The bucket edges in seconds: bucket i is [Edges[i], Edges[i + 1]), the last one open.</summary>
    public static IReadOnlyList<double> Edges { get; } = [0, 60, 300, 900, 1800, 3600, 10800, 86400];

    /// <summary>The buckets of the sorted or unsorted durations (seconds) from landing and from checkout.</summary>
    public static IReadOnlyList<ConversionTimeBucket> Of(IReadOnlyList<double> fromLanding, IReadOnlyList<double> fromCheckout)
    {
        ArgumentNullException.ThrowIfNull(fromLanding);
        ArgumentNullException.ThrowIfNull(fromCheckout);
        var landing = Count(fromLanding);
        var checkout = Count(fromCheckout);
        return [.. Edges.Select((from, i) => new ConversionTimeBucket(from, i + 1 < Edges.Count ? Edges[i + 1] : null, landing[i], checkout[i]))];
    }

    /// <summary>The index of the bucket that holds <paramref name="seconds"/> (a negative time, impossible in the ordered funnel, counts in the first).</summary>
    public static int Bucket(double seconds)
    {
        var i = Edges.Count - 1;
        while (i > 0 && seconds < Edges[i])
        {
            i--;
        }

        return i;
    }

    private static long[] Count(IReadOnlyList<double> durations)
    {
        var counts = new long[Edges.Count];
        foreach (var seconds in durations)
        {
            counts[Bucket(seconds)]++;
        }

        return counts;
    }
}
