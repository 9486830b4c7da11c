using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Segments;

/// <summary>Two funnels side by side (mobile vs desktop, this month vs last), step by step.</summary>
/// <param name="First">The first segment's funnel.</param>
/// <param name="Second">The second segment's funnel.</param>
/// <param name="Steps">Step conversion differences for product, cart, checkout and purchase, then "overall".</param>
public sealed record SegmentComparison(FunnelSegment First, FunnelSegment Second, IReadOnlyList<StepDifference> Steps)
{
    /// <summary>Compares two funnel segments.</summary>
    public static SegmentComparison Of(FunnelSegment first, FunnelSegment second)
    {
        var steps = new List<StepDifference>(5);
        for (var stage = FunnelStage.Product; stage <= FunnelStage.Purchase; stage++)
        {
            steps.Add(Difference(stage.ToString().ToLowerInvariant(), first[stage].StepConversion, second[stage].StepConversion));
        }

        steps.Add(Difference("overall", first.OverallConversion, second.OverallConversion));
        return new SegmentComparison(first, second, steps);
    }

    private static StepDifference Difference(string name, Proportion a, Proportion b) =>
        new(name, a, b, a.Value - b.Value, TwoProportionTest.PValue(a, b));
}
