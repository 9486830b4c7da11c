using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>Sets each reference figure beside the merchant's matching number.</summary>
internal static class ReferenceComparisons
{
    public static List<ReferenceComparison> For(FunnelSegment funnel, Proportion cartAbandonment, Proportion repeatPurchase) =>
        ReferenceFigures.All.Select(figure => new ReferenceComparison(figure, figure.Key switch
        {
            _ when figure.Key.StartsWith("cart_abandonment", StringComparison.Ordinal) => cartAbandonment,
            "product_view_share" => funnel[FunnelStage.Product].StepConversion,
            "purchase_share" => funnel.OverallConversion,
            "second_purchase" => repeatPurchase,
            _ => null,
        })).ToList();
}
