using static System.FormattableString;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>
/// The design's checkout friction rules. Each raises a flag only when its evidence clears the thresholds below;
/// the thresholds are recorded in the README's "How the numbers are computed".
/// </summary>
internal static class FrictionDetector
{
    /// <summary>Fewest sessions (or orders) a count-based rule needs.</summary>
    public const int MinSessions = 10;

    public const double ShippingShareOfExits = 0.4;
    public const double ExtraCostShare = 0.2;
    public const double AccountDropRate = 0.3;
    public const double PaymentDropRate = 0.2;
    public const int MinPageLoadSessions = 20;

    /// <summary>The flags the evidence raises, most revenue at stake first; amounts in the evidence are in <paramref name="currency"/>.</summary>
    public static List<CheckoutFrictionFlag> Detect(FrictionEvidence e, double averageOrderValue, string currency)
    {
        var flags = new List<CheckoutFrictionFlag?>
        {
            AbovePeer(e),
            SurpriseCosts(e),
            ForcedAccount(e),
            PaymentFriction(e),
            MobileGap(e, averageOrderValue),
            SlowPages(e, averageOrderValue),
            CouponHunting(e),
            CartLeftBehind(e, currency),
        };
        return flags.OfType<CheckoutFrictionFlag>().OrderByDescending(f => f.RevenueAtStake).ThenByDescending(f => f.SessionsTouched).ToList();
    }

    private static CheckoutFrictionFlag? AbovePeer(FrictionEvidence e)
    {
        var reference = ReferenceFigures.BaymardCartAbandonment;
        var rate = e.CartAbandonment;
        return !rate.ClearlyAbove(reference.Value) ? null : new(
            "abandonment_above_benchmark", "Cart abandonment above benchmark",
            Invariant($"{Pct(rate.Value)} of {rate.Total:N0} carts were abandoned (95% interval {Pct(rate.Low)}–{Pct(rate.High)}), above the {Pct(reference.Value)} average ({reference.Source})."),
            [new("cartAbandonmentRate", rate.Value), new("low", rate.Low), new("high", rate.High), new("carts", rate.Total), new("reference", reference.Value)],
            ByCount(rate.Total), rate.Count, e.AbandonedCartValue,
            "Simplify the checkout: fewer fields and pages, and a clear call to action.", reference);
    }

    private static CheckoutFrictionFlag? SurpriseCosts(FrictionEvidence e)
    {
        var shipping = e.Leak("checkout_shipping");
        var share = e.CheckoutExits > 0 ? (double)shipping.Lost / e.CheckoutExits : 0;
        var atShipping = shipping.Lost >= MinSessions && share >= ShippingShareOfExits;
        var inOrders = e.OrdersWithTotal >= MinSessions && e.MedianExtraCostShare >= ExtraCostShare;
        if (!atShipping && !inOrders)
        {
            return null;
        }

        var evidence = atShipping
            ? Invariant($"{Pct(share)} of the {e.CheckoutExits:N0} checkout exits ({shipping.Lost:N0} sessions) came right after the shipping step.")
            : Invariant($"Shipping and tax are a median {Pct(e.MedianExtraCostShare ?? 0)} of the total of {e.OrdersWithTotal:N0} orders.");
        return new("surprise_costs", "Surprise costs at checkout", evidence,
            [new("shippingExits", shipping.Lost), new("shareOfCheckoutExits", share), new("medianShippingAndTaxShare", e.MedianExtraCostShare ?? 0)],
            ByCount(atShipping ? shipping.Lost : e.OrdersWithTotal), shipping.Lost, shipping.EstimatedLostRevenue ?? 0,
            "Show shipping costs and terms up front, and consider a free-shipping threshold.", ReferenceFigures.UnexpectedCosts);
    }

    private static CheckoutFrictionFlag? ForcedAccount(FrictionEvidence e)
    {
        var account = e.Leak("checkout_account");
        return account.Lost < MinSessions || account.DropRate.Value < AccountDropRate ? null : new(
            "forced_account", "Forced account creation",
            Invariant($"{Pct(account.DropRate.Value)} of the {account.Reached:N0} sessions that hit sign-up or login in checkout left there."),
            [new("dropRate", account.DropRate.Value), new("reached", account.Reached), new("lost", account.Lost)],
            ByCount(account.Reached), account.Lost, account.EstimatedLostRevenue ?? 0, "Offer guest checkout.", null);
    }

    private static CheckoutFrictionFlag? PaymentFriction(FrictionEvidence e)
    {
        var payment = e.Leak("checkout_payment");
        var atStep = payment.Lost >= MinSessions && payment.DropRate.Value >= PaymentDropRate;
        var failures = e.PaymentFailedSessions >= MinSessions;
        return !atStep && !failures ? null : new(
            "payment_friction", "Payment friction",
            Invariant($"{payment.Lost:N0} of {payment.Reached:N0} sessions left after entering payment details ({Pct(payment.DropRate.Value)}); {e.PaymentFailedSessions:N0} checkouts had a failed payment."),
            [new("dropRate", payment.DropRate.Value), new("lost", payment.Lost), new("paymentFailedSessions", e.PaymentFailedSessions)],
            ByCount(e.PaymentTouched), e.PaymentTouched, e.PaymentTouchedValue,
            "Offer more trusted payment options, show trust badges and make the security clear.", null);
    }

    private static CheckoutFrictionFlag? MobileGap(FrictionEvidence e, double aov)
    {
        var (mobile, desktop) = (e.MobileCheckout, e.DesktopCheckout);
        var p = TwoProportionTest.PValue(mobile, desktop);
        return !(mobile.Value < desktop.Value && p < TwoProportionTest.Alpha) ? null : new(
            "mobile_checkout_gap", "Mobile checkout gap",
            Invariant($"Mobile checkouts convert at {Pct(mobile.Value)} ({mobile.Total:N0} checkouts) against {Pct(desktop.Value)} on desktop ({desktop.Total:N0}); {TwoProportionTest.Describe(p)}."),
            [new("mobileConversion", mobile.Value), new("desktopConversion", desktop.Value), new("pValue", p)],
            ByP(p), mobile.Total - mobile.Count, (desktop.Value - mobile.Value) * mobile.Total * aov,
            "Fix the mobile checkout, and keep the cart across devices.", null);
    }

    private static CheckoutFrictionFlag? SlowPages(FrictionEvidence e, double aov)
    {
        var (fast, slow) = (e.FastPageConversion, e.SlowPageConversion);
        var p = TwoProportionTest.PValue(fast, slow);
        return fast.Total + slow.Total < MinPageLoadSessions || !(slow.Value < fast.Value && p < TwoProportionTest.Alpha) ? null : new(
            "slow_pages", "Slow pages",
            Invariant($"Sessions slower than the median page load of {e.MedianPageLoadMs:N0} ms convert at {Pct(slow.Value)} against {Pct(fast.Value)} for faster ones; {TwoProportionTest.Describe(p)}."),
            [new("medianPageLoadMs", e.MedianPageLoadMs ?? 0), new("fastConversion", fast.Value), new("slowConversion", slow.Value), new("pValue", p)],
            ByP(p), slow.Total - slow.Count, (fast.Value - slow.Value) * slow.Total * aov,
            "Make pages faster: each extra second is reported to add about 7% abandonment.", ReferenceFigures.PageLoadPerSecond);
    }

    private static CheckoutFrictionFlag? CouponHunting(FrictionEvidence e) =>
        e.CouponTouched < MinSessions ? null : new(
            "coupon_hunting", "Coupon hunting",
            Invariant($"{e.CouponTouched:N0} of {e.CheckoutSessions:N0} checkouts ended at the coupon step or right after a failed coupon."),
            [new("sessions", e.CouponTouched), new("checkouts", e.CheckoutSessions)],
            ByCount(e.CouponTouched), e.CouponTouched, e.CouponTouchedValue,
            "Avoid a bare coupon field at checkout, or pre-apply the offers.", null);

    private static CheckoutFrictionFlag? CartLeftBehind(FrictionEvidence e, string currency) =>
        e.AbandonedCartsWithValue < MinSessions ? null : new(
            "cart_left_behind", "Carts left behind",
            Invariant($"{e.AbandonedCartsWithValue:N0} carts with value were abandoned, worth {Money(e.AbandonedCartValue, currency)} in all."),
            [new("abandonedCartsWithValue", e.AbandonedCartsWithValue), new("abandonedCartValue", e.AbandonedCartValue, IsMoney: true)],
            ByCount(e.AbandonedCartsWithValue), e.AbandonedCartsWithValue, e.AbandonedCartValue,
            "Send abandoned-cart reminder e-mails: a reminder, then an offer, then a last chance, within hours to a day or two.",
            ReferenceFigures.CartEmailOpenRate);

    private static FlagConfidence ByCount(long n) => n >= 100 ? FlagConfidence.High : n >= 30 ? FlagConfidence.Medium : FlagConfidence.Low;

    private static FlagConfidence ByP(double p) => p < 0.001 ? FlagConfidence.High : p < 0.01 ? FlagConfidence.Medium : FlagConfidence.Low;

    // An amount as the command line and the API's English evidence write it: the currency's code, then the amount to its
    // minor unit (KWD 3 decimals, USD 2, JPY none).
    private static string Money(double amount, string currency) =>
        currency + " " + Domain.CurrencyMinorUnit.Round(amount, currency).ToString("N" + Domain.CurrencyMinorUnit.Decimals(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Pct(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
