using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// A breakdown as a chart draws it: the values with the most landings, and every other value summed into one "other"
/// funnel, so that every unit of the selection counts somewhere. Breakdown values are disjoint (each unit has one), so
/// the other funnel's counts, and the counts and totals of its rates, are sums of its values'.
/// </summary>
/// <param name="Top">The first values of the breakdown (most landings first), at most the number asked for.</param>
/// <param name="Other">The sum of the remaining values; null when there are none.</param>
/// <param name="OtherValues">How many values <see cref="Other"/> holds (0 without it).</param>
public sealed record BreakdownGroups(IReadOnlyList<FunnelSegment> Top, FunnelSegment? Other, int OtherValues)
{
    /// <summary>The label of the other funnel (a page words it in its language).</summary>
    public const string OtherLabel = "other";

    /// <summary>Groups <paramref name="breakdown"/> (most landings first, as <see cref="FunnelReport.Breakdown"/>) into its first <paramref name="top"/> values and the rest.</summary>
    public static BreakdownGroups Of(IReadOnlyList<FunnelSegment> breakdown, int top)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);

        // One value past the top is drawn as itself: an "other" bar of one value would only hide its name.
        if (breakdown.Count <= top + 1)
        {
            return new BreakdownGroups(breakdown, null, 0);
        }

        var rest = breakdown.Skip(top).ToList();
        return new BreakdownGroups([.. breakdown.Take(top)], Sum(OtherLabel, rest), rest.Count);
    }

    /// <summary>
    /// One funnel whose counts are the sums of <paramref name="segments"/>' (which must be disjoint and have the same
    /// steps: the five stages, or one user-defined funnel's); each step's conversion is taken again from the sums.
    /// </summary>
    public static FunnelSegment Sum(string label, IReadOnlyList<FunnelSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfZero(segments.Count);
        var first = segments[0];
        var reached = new long[first.Stages.Count];
        foreach (var segment in segments)
        {
            for (var k = 0; k < reached.Length; k++)
            {
                reached[k] += segment.Stages[k].Reached ?? 0;
            }
        }

        var steps = new FunnelStep[reached.Length];
        int? previous = null;
        for (var k = 0; k < reached.Length; k++)
        {
            var step = first.Stages[k];
            if (!step.Tracked)
            {
                steps[k] = step;
                continue;
            }

            // The first tracked step is its own base (conversion 1), as in every funnel.
            var before = reached[previous ?? k];
            var drop = before - reached[k];
            steps[k] = step with { Reached = reached[k], StepConversion = new Proportion(reached[k], before), DropOff = drop, DropRate = new Proportion(drop, before) };
            previous = k;
        }

        return new FunnelSegment(label, steps,
            Add(segments.Select(s => s.OverallConversion)),
            Add(segments.Select(s => s.CartAbandonment)),
            Add(segments.Select(s => s.CheckoutAbandonment)));
    }

    private static Proportion Add(IEnumerable<Proportion> rates) =>
        rates.Aggregate(Proportion.None, (sum, rate) => new Proportion(sum.Count + rate.Count, sum.Total + rate.Total));
}
