using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Leaks;

/// <summary>Finds and ranks the leaks of the selected sessions.</summary>
internal static class LeakRanking
{
    private static readonly (string Key, string From, string To)[] Points =
    [
        ("landing_to_product", "landing", "product"),
        ("product_to_cart", "product", "cart"),
        ("cart_to_checkout", "cart", "checkout"),
        ("checkout_start", "checkout", "checkout step or purchase"),
        ("checkout_account", "account", "purchase"),
        ("checkout_shipping", "shipping_info", "purchase"),
        ("checkout_coupon", "coupon", "purchase"),
        ("checkout_payment", "payment_info", "purchase"),
    ];

    public static LeakReport Rank(SessionTable table, int[] selected, FunnelQuery query, double averageOrderValue)
    {
        var reached = new long[Points.Length];
        var lost = new long[Points.Length];
        var cartValue = new double[Points.Length];
        foreach (var i in selected)
        {
            int depth = table.Depth[i], steps = table.StepMask[i];
            for (var k = 0; k < 3 && k <= depth; k++)
            {
                reached[k]++;
            }

            if (depth >= (int)FunnelStage.Checkout)
            {
                reached[3]++;
                for (var step = 1; step <= 4; step++)
                {
                    reached[3 + step] += steps >> step & 1;
                }
            }

            if (depth == (int)FunnelStage.Purchase)
            {
                continue;
            }

            var point = depth < (int)FunnelStage.Checkout ? depth : 3 + table.LastStep[i];
            lost[point]++;
            cartValue[point] += table.CartValue[i];
        }

        var leaks = new List<Leak>(Points.Length);
        for (var p = 0; p < Points.Length; p++)
        {
            var fromCarts = p >= (int)FunnelStage.Cart;
            var revenue = fromCarts ? cartValue[p] : lost[p] * averageOrderValue;
            leaks.Add(new Leak(Points[p].Key, Points[p].From, Points[p].To, reached[p], lost[p], new Proportion(lost[p], reached[p]), revenue, fromCarts));
        }

        var bySessions = leaks.OrderByDescending(l => l.Lost).ThenByDescending(l => l.EstimatedLostRevenue).ToList();
        var byRevenue = leaks.OrderByDescending(l => l.EstimatedLostRevenue).ThenByDescending(l => l.Lost).ToList();
        return new LeakReport(query, bySessions, byRevenue, byRevenue[0].Lost > 0 ? byRevenue[0] : null, averageOrderValue);
    }

    /// <summary>Average purchase value of the selected sessions that reached purchase; 0 when they carry no prices.</summary>
    public static double SessionAverageOrderValue(SessionTable table, int[] selected)
    {
        double sum = 0;
        long count = 0;
        foreach (var i in selected)
        {
            if (table.Depth[i] == (int)FunnelStage.Purchase)
            {
                sum += table.PurchaseValue[i];
                count++;
            }
        }

        return count > 0 ? sum / count : 0;
    }
}
