using FunnelInsight.Core.Domain;

namespace FunnelInsight.Tests.Core.Domain;

public class StageMapTests
{
    [Fact]
    public void Checkout_sub_steps_mean_the_checkout_stage_and_their_step()
    {
        Assert.Equal(new EventMeaning(FunnelStage.Checkout, CheckoutStep.ShippingInfo, EventSignal.None), StageMap.Default.Meaning("ADD_SHIPPING_INFO"));
        Assert.Equal(new EventMeaning(FunnelStage.Checkout, CheckoutStep.Account, EventSignal.None), StageMap.Default.Meaning("login"));
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
