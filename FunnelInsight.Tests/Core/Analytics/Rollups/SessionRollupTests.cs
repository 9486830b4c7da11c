using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Tests.Core.Analytics.Rollups;

public class SessionRollupTests
{
    private static SessionEvent Event(int minute, string name, double? price = null, int? quantity = null) =>
        new(minute * 60_000_000L, name, StageMap.Default.Meaning(name), price, quantity, null, null, null, null);

    [Fact]
    public void View_cart_adds_no_value_and_items_count_without_a_price()
    {
        var summary = SessionRollup.Build("s", "v",
        [
            Event(0, "session_start"), Event(1, "view_item"), Event(2, "add_to_cart", 10, 2), Event(3, "view_cart", 20, 2),
            Event(4, "add_to_cart"), Event(5, "remove_from_cart", 10, 1),
        ]);

        Assert.Equal(10, summary.CartValue);
        Assert.Equal(2, summary.CartItems);
        Assert.Equal(2, summary.OrderedDepth);
    }

    [Fact]
    public void A_shipping_step_before_begin_checkout_reaches_checkout_and_sub_steps_count_until_the_purchase()
    {
        var summary = SessionRollup.Build("s", "v",
        [
            Event(0, "session_start"), Event(1, "view_item"), Event(2, "add_to_cart"), Event(3, "add_shipping_info"),
            Event(4, "begin_checkout"), Event(5, "apply_coupon"), Event(6, "purchase", 30), Event(7, "add_payment_info"),
        ]);

        Assert.Equal(4, summary.OrderedDepth);
        Assert.Equal(3 * 60_000_000L, summary.CheckoutUs);
        Assert.Equal((1 << (int)CheckoutStep.ShippingInfo) | (1 << (int)CheckoutStep.Coupon), summary.StepMask);
        Assert.Equal((int)CheckoutStep.Coupon, summary.LastStep);
        Assert.Equal(30, summary.PurchaseValue);
    }

    [Fact]
    public void A_purchase_after_add_payment_info_without_begin_checkout_reaches_every_stage()
    {
        var summary = SessionRollup.Build("s", "v",
        [
            Event(0, "session_start"), Event(1, "view_item"), Event(2, "add_to_cart", 25), Event(3, "add_payment_info"),
            Event(4, "purchase", 25),
        ]);

        Assert.Equal(4, summary.OrderedDepth);
        Assert.Equal((3 * 60_000_000L, 4 * 60_000_000L), (summary.CheckoutUs, summary.PurchaseUs));
        Assert.Equal(0b11111, summary.OpenMask);
        Assert.Equal((1 << (int)CheckoutStep.PaymentInfo, (int)CheckoutStep.PaymentInfo), (summary.StepMask, summary.LastStep));
    }

    [Fact]
    public void Login_after_the_cart_reaches_nothing_and_counts_as_no_sub_step()
    {
        var summary = SessionRollup.Build("s", "v",
        [
            Event(0, "session_start"), Event(1, "view_item"), Event(2, "add_to_cart", 25), Event(3, "login"), Event(4, "sign_up"),
        ]);

        Assert.Equal(2, summary.OrderedDepth);
        Assert.Equal(0b00111, summary.OpenMask);
        Assert.Equal((0, 0), (summary.StepMask, summary.LastStep));
    }
}
