using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>The five stages of one funnel (the whole selection, one breakdown value, or one trend period).</summary>
/// <param name="Label">The breakdown value or period; "all" for the whole selection.</param>
/// <param name="Stages">Landing … purchase, untracked stages included (marked, without counts).</param>
/// <param name="OverallConversion">reached(purchase) / reached(landing); no rate when purchase is untracked.</param>
/// <param name="CartAbandonment">Units that reached cart and not purchase / units that reached cart; no rate when cart or purchase is untracked.</param>
/// <param name="CheckoutAbandonment">Units that reached checkout and not purchase / units that reached checkout; no rate when checkout or purchase is untracked.</param>
public sealed record FunnelSegment(
    string Label,
    IReadOnlyList<FunnelStep> Stages,
    Proportion OverallConversion,
    Proportion CartAbandonment,
    Proportion CheckoutAbandonment)
{
    /// <summary>The label of the breakdown value of units whose dimension is not set (no filter can select them).</summary>
    public const string NotSet = FunnelCalculator.NotSet;

    /// <summary>Units at landing (every unit lands); in a user-defined funnel, units at its first tracked step.</summary>
    public long Landed => Stages.FirstOrDefault(s => s.Tracked)?.Reached ?? 0;

    /// <summary>The share of the landed units that reached each tracked step, in step order (what a breakdown compares).</summary>
    public IReadOnlyList<Proportion> ReachedOfLanded => [.. Stages.Where(s => s.Tracked).Select(s => new Proportion(s.Reached ?? 0, Landed))];

    /// <summary>The step of <paramref name="stage"/>.</summary>
    public FunnelStep this[FunnelStage stage] => Stages[(int)stage];

    /// <summary>The stages this funnel tracks.</summary>
    public TrackedStages Tracked => new(Stages.Where(s => s.Tracked).Aggregate(1, (mask, s) => mask | 1 << (int)s.Stage));

    /// <summary>Builds a segment from a histogram of stage masks (index = mask of reached stages, 32 entries).</summary>
    internal static FunnelSegment FromMasks(string label, ReadOnlySpan<long> masks, TrackedStages tracked)
    {
        var reached = new long[5];
        var abandonment = new AbandonmentTally();
        for (var mask = 0; mask < 32; mask++)
        {
            var n = masks[mask];
            for (var k = 0; k < 5; k++)
            {
                reached[k] += (mask >> k & 1) * n;
            }

            abandonment.Add(mask, n);
        }

        var steps = new FunnelStep[5];
        for (var k = 0; k < 5; k++)
        {
            var stage = (FunnelStage)k;
            if (!tracked.Contains(stage))
            {
                steps[k] = FunnelStep.NotTracked(stage);
                continue;
            }

            var previous = reached[(int)(tracked.Previous(stage) ?? FunnelStage.Landing)];
            var drop = previous - reached[k];
            steps[k] = new FunnelStep(stage, true, reached[k], new Proportion(reached[k], previous), drop, new Proportion(drop, previous));
        }

        var buys = tracked.Contains(FunnelStage.Purchase);
        return new FunnelSegment(
            label,
            steps,
            buys ? new Proportion(reached[4], reached[0]) : Proportion.None,
            abandonment.Cart(tracked),
            abandonment.Checkout(tracked));
    }
}
