namespace FunnelInsight.Tests.Core.Domain;

public class StageMapTests
{
    [Fact]
    public void Shipping_coupon_and_payment_sub_steps_reach_checkout_and_login_reaches_nothing()
    {
        Assert.Equal(new EventMeaning(FunnelStage.Checkout, CheckoutStep.ShippingInfo, EventSignal.None), StageMap.Default.Meaning("ADD_SHIPPING_INFO"));
        Assert.Equal(new EventMeaning(FunnelStage.Checkout, CheckoutStep.Coupon, EventSignal.None), StageMap.Default.Meaning("apply_coupon"));
        Assert.Equal(new EventMeaning(FunnelStage.Checkout, CheckoutStep.PaymentInfo, EventSignal.None), StageMap.Default.Meaning("add_payment_info"));
        Assert.Equal(new EventMeaning(null, CheckoutStep.Account, EventSignal.None), StageMap.Default.Meaning("login"));
    }

    [Fact]
    public void The_default_map_survives_a_round_trip_through_its_text()
    {
        var text = StageMap.Default.ToText();
        var again = StageMap.Parse(text);

        Assert.Contains("checkout.shipping: add_shipping_info", text, StringComparison.Ordinal);
        Assert.Equal(StageMap.Default.Entries.OrderBy(e => e.Key, StringComparer.Ordinal), again.Entries.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
