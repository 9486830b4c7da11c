using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Leaks;

/// <summary>
/// One place sessions leave the ordered funnel. The leaks of a report partition every drop-off: the transitions
/// between tracked stages up to checkout, then the checkout exits by the last sub-step the session reached. No leak
/// goes into an untracked stage.
/// </summary>
/// <param name="Key">Stable key: <c>{from}_to_{to}</c> for a stage transition (<c>landing_to_product</c>,
/// <c>product_to_cart</c>, <c>cart_to_checkout</c>, or <c>cart_to_purchase</c> where checkout is not tracked, …), then
/// <c>checkout_start</c>, <c>checkout_account</c>, <c>checkout_shipping</c>, <c>checkout_coupon</c>, <c>checkout_payment</c>.</param>
/// <param name="From">Where the lost sessions were last (a stage or checkout sub-step name).</param>
/// <param name="To">What they did not reach next (the next tracked stage, or "checkout step or purchase").</param>
/// <param name="Reached">Sessions that got to <paramref name="From"/>.</param>
/// <param name="Lost">Sessions that left there.</param>
/// <param name="DropRate">lost / reached.</param>
/// <param name="EstimatedLostRevenue">What the lost sessions would have brought had they gone on at the rate of the
/// sessions that did: before the cart, lost × average order value × <paramref name="ConversionToPurchase"/>; from the
/// cart on, the lost sessions' cart value × <paramref name="ConversionToPurchase"/> (× 1 when the next stage is the
/// purchase). Null when purchase is not tracked.</param>
/// <param name="RevenueFromCarts">True when the estimate starts from the lost sessions' cart value.</param>
/// <param name="ConversionToPurchase">reached(purchase) / reached(<paramref name="To"/>) in the selection; null when
/// <paramref name="To"/> is the purchase itself (the factor is 1) or purchase is not tracked.</param>
public sealed record Leak(
    string Key,
    string From,
    string To,
    long Reached,
    long Lost,
    Proportion DropRate,
    double? EstimatedLostRevenue,
    bool RevenueFromCarts,
    Proportion? ConversionToPurchase)
{
    /// <summary>How the estimate is made, in words (for exports): the formula with its figures' names.</summary>
    public string EstimateFormula => (RevenueFromCarts, ConversionToPurchase) switch
    {
        (_, _) when EstimatedLostRevenue is null => "not estimated: purchase is not tracked",
        (true, null) => "cart value of the lost sessions",
        (true, _) => $"cart value of the lost sessions × conversion {To} → purchase",
        (false, null) => "lost × average order value",
        (false, _) => $"lost × average order value × conversion {To} → purchase",
    };
}
