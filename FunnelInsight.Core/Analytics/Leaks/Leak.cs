using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Leaks;

/// <summary>
/// One place sessions leave the ordered funnel. The leaks of a report partition every drop-off: the three stage
/// transitions up to checkout, then the checkout exits by the last sub-step the session reached.
/// </summary>
/// <param name="Key">Stable key: <c>landing_to_product</c>, <c>product_to_cart</c>, <c>cart_to_checkout</c>,
/// <c>checkout_start</c>, <c>checkout_account</c>, <c>checkout_shipping</c>, <c>checkout_coupon</c>, <c>checkout_payment</c>.</param>
/// <param name="From">Where the lost sessions were last (a stage or checkout sub-step name).</param>
/// <param name="To">What they did not reach next.</param>
/// <param name="Reached">Sessions that got to <paramref name="From"/>.</param>
/// <param name="Lost">Sessions that left there.</param>
/// <param name="DropRate">lost / reached.</param>
/// <param name="EstimatedLostRevenue">Lost × average order value before the cart; the lost sessions' cart value from the cart on.</param>
/// <param name="RevenueFromCarts">True when the estimate is the lost sessions' cart value.</param>
public sealed record Leak(
    string Key,
    string From,
    string To,
    long Reached,
    long Lost,
    Proportion DropRate,
    double EstimatedLostRevenue,
    bool RevenueFromCarts);
