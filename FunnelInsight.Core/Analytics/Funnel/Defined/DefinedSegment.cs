using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>Builds the <see cref="FunnelSegment"/> of a user-defined funnel from how many units reached each step.</summary>
internal static class DefinedSegment
{
    /// <summary>
    /// The segment: step conversion against the previous tracked step (the first against itself), overall conversion
    /// from the first tracked step to the last; the cart and checkout abandonment of the stage funnel have no rate here.
    /// </summary>
    /// <param name="label">The segment's label.</param>
    /// <param name="steps">The definition's steps.</param>
    /// <param name="reached">Units per step; null for a stage step the store does not track.</param>
    public static FunnelSegment Build(string label, IReadOnlyList<FunnelStepDefinition> steps, IReadOnlyList<long?> reached)
    {
        var built = new FunnelStep[steps.Count];
        long? first = null, previous = null, last = null;
        for (var k = 0; k < steps.Count; k++)
        {
            var stage = steps[k].Stage ?? FunnelStage.Landing;
            if (reached[k] is not { } count)
            {
                built[k] = FunnelStep.NotTracked(stage) with { Defined = steps[k] };
                continue;
            }

            var before = previous ?? count;
            built[k] = new FunnelStep(stage, true, count, new Proportion(count, before), before - count, new Proportion(before - count, before)) { Defined = steps[k] };
            first ??= count;
            previous = last = count;
        }

        return new FunnelSegment(label, built, first is { } f ? new Proportion(last!.Value, f) : Proportion.None, Proportion.None, Proportion.None);
    }
}
