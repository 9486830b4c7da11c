using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>The five stages of one funnel (the whole selection, one breakdown value, or one trend period).</summary>
/// <param name="Label">The breakdown value or period; "all" for the whole selection.</param>
/// <param name="Stages">Landing … purchase.</param>
/// <param name="OverallConversion">reached(purchase) / reached(landing).</param>
/// <param name="CartAbandonment">Units that reached cart and not purchase / units that reached cart.</param>
/// <param name="CheckoutAbandonment">Units that reached checkout and not purchase / units that reached checkout.</param>
public sealed record FunnelSegment(
    string Label,
    IReadOnlyList<FunnelStep> Stages,
    Proportion OverallConversion,
    Proportion CartAbandonment,
    Proportion CheckoutAbandonment)
{
    /// <summary>Units at landing (every unit lands).</summary>
    public long Landed => Stages[0].Reached;

    /// <summary>The step of <paramref name="stage"/>.</summary>
    public FunnelStep this[FunnelStage stage] => Stages[(int)stage];

    /// <summary>Builds a segment from a histogram of stage masks (index = mask of reached stages, 32 entries).</summary>
    internal static FunnelSegment FromMasks(string label, ReadOnlySpan<long> masks)
    {
        var reached = new long[5];
        long cartOnly = 0, checkoutOnly = 0;
        for (var mask = 0; mask < 32; mask++)
        {
            var n = masks[mask];
            for (var k = 0; k < 5; k++)
            {
                reached[k] += (mask >> k & 1) * n;
            }

            var purchased = (mask & 1 << (int)FunnelStage.Purchase) != 0;
            cartOnly += (mask & 1 << (int)FunnelStage.Cart) != 0 && !purchased ? n : 0;
            checkoutOnly += (mask & 1 << (int)FunnelStage.Checkout) != 0 && !purchased ? n : 0;
        }

        var steps = new FunnelStep[5];
        for (var k = 0; k < 5; k++)
        {
            var previous = reached[Math.Max(k - 1, 0)];
            var drop = previous - reached[k];
            steps[k] = new FunnelStep((FunnelStage)k, reached[k], new Proportion(reached[k], previous), drop, new Proportion(drop, previous));
        }

        return new FunnelSegment(
            label,
            steps,
            new Proportion(reached[4], reached[0]),
            new Proportion(cartOnly, reached[2]),
            new Proportion(checkoutOnly, reached[3]));
    }
}
