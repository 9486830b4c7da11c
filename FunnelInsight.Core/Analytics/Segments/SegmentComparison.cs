using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Segments;

/// <summary>Two funnels side by side (mobile vs desktop, this month vs last), step by step.</summary>
/// <param name="First">The first segment's funnel.</param>
/// <param name="Second">The second segment's funnel.</param>
/// <param name="Steps">Step conversion differences for product, cart, checkout and purchase (a user-defined funnel: its steps after the first), then "overall".</param>
public sealed record SegmentComparison(FunnelSegment First, FunnelSegment Second, IReadOnlyList<StepDifference> Steps)
{
    /// <summary>Compares two funnel segments.</summary>
    public static SegmentComparison Of(FunnelSegment first, FunnelSegment second)
    {
        // Every step after the first (the stages after landing, or a user-defined funnel's steps), by its name.
        var steps = new List<StepDifference>(first.Stages.Count);
        for (var k = 1; k < first.Stages.Count && k < second.Stages.Count; k++)
        {
            steps.Add(Difference(first.Stages[k].Name, first.Stages[k].StepConversion, second.Stages[k].StepConversion));
        }

        steps.Add(Difference("overall", first.OverallConversion, second.OverallConversion));
        return new SegmentComparison(first, second, steps);
    }

    private static StepDifference Difference(string name, Proportion a, Proportion b) =>
        new(name, a, b, a.Value - b.Value, TwoProportionTest.PValue(a, b));
}
