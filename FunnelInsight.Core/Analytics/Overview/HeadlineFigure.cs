using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Overview;

/// <summary>One headline number of a store with its value in the period before and the reference figure beside it.</summary>
/// <param name="Key">Stable key: <c>sessions</c>, <c>overall_conversion</c>, <c>cart_abandonment</c>, <c>checkout_abandonment</c>,
/// <c>revenue</c>, <c>abandoned_cart_value</c>, <c>churn</c>.</param>
/// <param name="Value">The number (rates as fractions, money in the store's currency).</param>
/// <param name="Previous">The same number in the period before; null when there is none to compare with.</param>
/// <param name="Rate">For rates, the count, total and interval behind <paramref name="Value"/>.</param>
/// <param name="Reference">The published figure it is shown beside, if there is one.</param>
/// <param name="NotTracked">The stage the figure needs that the store's data does not track (then there is no figure); null when it has them all.</param>
public sealed record HeadlineFigure(string Key, double Value, double? Previous, Proportion? Rate, ReferenceFigure? Reference, FunnelStage? NotTracked = null)
{
    /// <summary>
    /// True when there is a period before but it holds no data for this figure (no sessions, no total for a rate, no
    /// orders): nothing to compare with, rather than a rise from zero.
    /// </summary>
    public bool EmptyBefore { get; init; }

    /// <summary>Value − previous; null without a previous value.</summary>
    public double? Change => Previous is { } previous ? Value - previous : null;
}
