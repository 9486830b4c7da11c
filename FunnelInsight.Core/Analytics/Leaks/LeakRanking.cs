using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Leaks;

/// <summary>Finds and ranks the leaks of the selected sessions (ordered funnel, passing over untracked stages).</summary>
internal static class LeakRanking
{
    private static readonly (string Key, string From)[] CheckoutExits =
    [
        ("checkout_start", "checkout"),
        ("checkout_account", "account"),
        ("checkout_shipping", "shipping_info"),
        ("checkout_coupon", "coupon"),
        ("checkout_payment", "payment_info"),
    ];

    private const string CheckoutNext = "checkout step or purchase";

    public static LeakReport Rank(SessionTable table, int[] selected, FunnelQuery query, double averageOrderValue)
    {
        var tracked = table.Tracked;
        var reachedStage = new long[5];
        var lostAt = new long[5];
        var lostValueAt = new double[5];
        var exitReached = new long[CheckoutExits.Length];
        var exitLost = new long[CheckoutExits.Length];
        var exitValue = new double[CheckoutExits.Length];
        foreach (var i in selected)
        {
            var mask = table.StageMask(i, FunnelMode.Ordered);
            for (var k = 0; k < 5; k++)
            {
                reachedStage[k] += mask >> k & 1;
            }

            int depth = table.Depth[i], steps = table.StepMask[i];
            if ((mask & 1 << (int)FunnelStage.Checkout) != 0)
            {
                exitReached[0]++;
                for (var step = 1; step <= 4; step++)
                {
                    exitReached[step] += steps >> step & 1;
                }
            }

            if (depth == (int)FunnelStage.Purchase)
            {
                continue;
            }

            lostAt[depth]++;
            lostValueAt[depth] += table.CartValue[i];
            if (depth == (int)FunnelStage.Checkout)
            {
                exitLost[table.LastStep[i]]++;
                exitValue[table.LastStep[i]] += table.CartValue[i];
            }
        }

        var buys = tracked.Contains(FunnelStage.Purchase);
        Proportion? ConversionFrom(FunnelStage to) =>
            to == FunnelStage.Purchase || !buys ? null : new Proportion(reachedStage[(int)FunnelStage.Purchase], reachedStage[(int)to]);
        double? Estimate(double basis, Proportion? conversion) => buys ? basis * (conversion?.Value ?? 1) : null;

        var leaks = new List<Leak>();
        for (var from = FunnelStage.Landing; from < FunnelStage.Checkout; from++)
        {
            if (!tracked.Contains(from) || tracked.Next(from) is not { } to)
            {
                continue;
            }

            var (k, fromCarts) = ((int)from, from >= FunnelStage.Cart);
            var conversion = ConversionFrom(to);
            var basis = fromCarts ? lostValueAt[k] : lostAt[k] * averageOrderValue;
            leaks.Add(new Leak($"{Name(from)}_to_{Name(to)}", Name(from), Name(to), reachedStage[k], lostAt[k],
                new Proportion(lostAt[k], reachedStage[k]), Estimate(basis, conversion), fromCarts, conversion));
        }

        if (tracked.Contains(FunnelStage.Checkout) && buys)
        {
            for (var p = 0; p < CheckoutExits.Length; p++)
            {
                leaks.Add(new Leak(CheckoutExits[p].Key, CheckoutExits[p].From, p == 0 ? CheckoutNext : "purchase", exitReached[p], exitLost[p],
                    new Proportion(exitLost[p], exitReached[p]), exitValue[p], true, null));
            }
        }

        var bySessions = leaks.OrderByDescending(l => l.Lost).ThenByDescending(l => l.EstimatedLostRevenue ?? -1).ToList();
        var byRevenue = leaks.OrderByDescending(l => l.EstimatedLostRevenue ?? -1).ThenByDescending(l => l.Lost).ToList();
        var biggest = byRevenue.Count > 0 && byRevenue[0].Lost > 0 ? byRevenue[0] : null;
        return new LeakReport(query, bySessions, byRevenue, biggest, averageOrderValue, tracked);
    }

    private static string Name(FunnelStage stage) => stage.ToString().ToLowerInvariant();
}
