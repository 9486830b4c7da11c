using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>Time to convert of the selected sessions that reached purchase in the ordered funnel.</summary>
internal static class TimeToConvertCalculator
{
    public static TimeToConvert Compute(SessionTable table, int[] selected)
    {
        var fromLanding = new List<double>();
        var fromCheckout = new List<double>();
        foreach (var i in selected)
        {
            if (table.PurchaseUs[i] == SessionTable.NoTime)
            {
                continue;
            }

            fromLanding.Add((table.PurchaseUs[i] - table.StartUs[i]) / 1e6);
            if (table.CheckoutUs[i] != SessionTable.NoTime)
            {
                // Only where checkout is tracked: a purchase in a store that sends no checkout has no checkout time.
                fromCheckout.Add((table.PurchaseUs[i] - table.CheckoutUs[i]) / 1e6);
            }
        }

        fromLanding.Sort();
        fromCheckout.Sort();
        return new TimeToConvert(
            fromLanding.Count,
            Quantile.Median(fromLanding),
            Quantile.NearestRank(fromLanding, 0.9),
            Quantile.Median(fromCheckout),
            Quantile.NearestRank(fromCheckout, 0.9))
        {
            Histogram = ConversionTimeHistogram.Of(fromLanding, fromCheckout),
        };
    }
}
