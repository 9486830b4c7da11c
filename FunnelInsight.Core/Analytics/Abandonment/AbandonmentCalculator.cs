using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Abandonment;

/// <summary>Counts abandoned carts and checkouts and picks the sessions of the recovery list.</summary>
internal static class AbandonmentCalculator
{
    private const int Cart = 1 << (int)FunnelStage.Cart;
    private const int Checkout = 1 << (int)FunnelStage.Checkout;

    /// <summary>
    /// The figures, and the table positions of the abandoned carts in recovery-list order. Where purchase is not tracked
    /// nothing can be called abandoned: no rates and an empty list; where checkout is not tracked, no checkout rate.
    /// </summary>
    public static (Proportion Cart, Proportion Checkout, double CartValue, double CheckoutValue, List<int> Abandoned) Compute(
        SessionTable table, int[] selected, FunnelMode mode)
    {
        if (!table.Tracked.Contains(FunnelStage.Purchase))
        {
            return (Proportion.None, Proportion.None, 0, 0, []);
        }

        var tally = new AbandonmentTally();
        var abandoned = new List<int>();
        foreach (var i in selected)
        {
            if (tally.Add(table.StageMask(i, mode), cartValue: table.CartValue[i]))
            {
                abandoned.Add(i);
            }
        }

        Sort(table, abandoned, RecoveryOrder.Value);
        return (tally.Cart(table.Tracked), tally.Checkout(table.Tracked), tally.CartValueLost, tally.CheckoutValueLost, abandoned);
    }

    /// <summary>Sorts table positions of abandoned carts (as <see cref="Compute"/> gives them) into <paramref name="order"/>.</summary>
    public static void Sort(SessionTable table, List<int> abandoned, RecoveryOrder order)
    {
        // Positions are in start order: a later position is a later (or same-time, higher-id) session.
        Comparison<int> byValue = (a, b) => table.CartValue[a] != table.CartValue[b] ? table.CartValue[b].CompareTo(table.CartValue[a]) : b.CompareTo(a);
        abandoned.Sort(order switch
        {
            RecoveryOrder.Items => (a, b) => table.CartItems[a] != table.CartItems[b] ? table.CartItems[b].CompareTo(table.CartItems[a]) : byValue(a, b),
            RecoveryOrder.Recent => (a, b) => b.CompareTo(a),
            _ => byValue,
        });
    }

    /// <summary>The deepest stage short of purchase in a mask, by name.</summary>
    public static string LastStageName(int mask) =>
        (mask & Checkout) != 0 ? "checkout" : (mask & Cart) != 0 ? "cart" : (mask & 2) != 0 ? "product" : "landing";

    /// <summary>The name of a checkout sub-step code, or null for none.</summary>
    public static string? StepName(int step) => (CheckoutStep)step switch
    {
        CheckoutStep.Account => "account",
        CheckoutStep.ShippingInfo => "shipping_info",
        CheckoutStep.Coupon => "coupon",
        CheckoutStep.PaymentInfo => "payment_info",
        _ => null,
    };
}
