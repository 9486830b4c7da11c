using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Abandonment;

/// <summary>
/// Cart and checkout abandonment, the one place they are counted: of the units that reached cart (checkout), those
/// that did not reach purchase, with the cart value they left. The funnel's segments, the abandonment report, the
/// overview and the friction rules all count through it.
/// </summary>
internal struct AbandonmentTally
{
    private const int CartBit = 1 << (int)FunnelStage.Cart;
    private const int CheckoutBit = 1 << (int)FunnelStage.Checkout;
    private const int PurchaseBit = 1 << (int)FunnelStage.Purchase;

    /// <summary>Units that reached cart.</summary>
    public long Carts { get; private set; }

    /// <summary>Units that reached cart and not purchase.</summary>
    public long CartsLost { get; private set; }

    /// <summary>Units that reached checkout.</summary>
    public long Checkouts { get; private set; }

    /// <summary>Units that reached checkout and not purchase.</summary>
    public long CheckoutsLost { get; private set; }

    /// <summary>The cart value of the abandoned carts.</summary>
    public double CartValueLost { get; private set; }

    /// <summary>The cart value of the abandoned checkouts.</summary>
    public double CheckoutValueLost { get; private set; }

    /// <summary>
    /// Counts <paramref name="units"/> units whose reached stages are <paramref name="mask"/>, each with a cart worth
    /// <paramref name="cartValue"/>; true when their cart was abandoned.
    /// </summary>
    public bool Add(int mask, long units = 1, double cartValue = 0)
    {
        var purchased = (mask & PurchaseBit) != 0;
        if ((mask & CheckoutBit) != 0)
        {
            Checkouts += units;
            CheckoutsLost += purchased ? 0 : units;
            CheckoutValueLost += purchased ? 0 : cartValue * units;
        }

        if ((mask & CartBit) == 0)
        {
            return false;
        }

        Carts += units;
        if (purchased)
        {
            return false;
        }

        CartsLost += units;
        CartValueLost += cartValue * units;
        return true;
    }

    /// <summary>Cart abandonment; no rate where the store does not track cart or purchase.</summary>
    public readonly Proportion Cart(TrackedStages tracked) =>
        tracked.Contains(FunnelStage.Purchase) && tracked.Contains(FunnelStage.Cart) ? new Proportion(CartsLost, Carts) : Proportion.None;

    /// <summary>Checkout abandonment; no rate where the store does not track checkout or purchase.</summary>
    public readonly Proportion Checkout(TrackedStages tracked) =>
        tracked.Contains(FunnelStage.Purchase) && tracked.Contains(FunnelStage.Checkout) ? new Proportion(CheckoutsLost, Checkouts) : Proportion.None;
}
