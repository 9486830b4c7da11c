using FunnelInsight.Web.Components.Pages.Reports.Funnel;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

public sealed class FunnelTableTests : ReportComponentTest
{
    // A funnel of units that each stop at one stage (reached[k] reached stage k), counted by Core's own segment builder.
    private static FunnelSegment Segment(params long[] reached)
    {
        var masks = new long[32];
        for (var k = 0; k < reached.Length; k++)
        {
            masks[(1 << (k + 1)) - 1] = reached[k] - (k + 1 < reached.Length ? reached[k + 1] : 0);
        }

        return FunnelSegment.FromMasks("all", masks, TrackedStages.All);
    }

    private IRenderedComponent<FunnelTable> Show(FunnelSegment funnel, Action<FunnelStage>? showDropOff = null) =>
        Render<FunnelTable>(p =>
        {
            p.Add(c => c.Funnel, funnel);
            if (showDropOff is not null)
            {
                p.Add(c => c.ShowDropOff, showDropOff);
            }
        });

    [Fact]
    public void Each_stage_shows_its_count_step_conversion_drop_off_and_drop_rate()
    {
        var table = Show(Segment(1000, 600, 300, 120, 60));

        Assert.Equal(["1,000", "600", "300", "120", "60"], table.FindAll(".fi-reached").Select(c => c.TextContent));
        Assert.Equal(["100.0%", "60.0%", "50.0%", "40.0%", "50.0%"], table.FindAll(".fi-step-conversion").Select(c => c.TextContent));
        Assert.Equal(["—", "400", "300", "180", "60"], table.FindAll(".fi-drop-off").Select(c => c.TextContent));
        Assert.Equal(["—", "40.0%", "50.0%", "60.0%", "50.0%"], table.FindAll(".fi-drop-rate").Select(c => c.TextContent));
    }

    [Fact]
    public void Rates_carry_their_95_percent_wilson_intervals()
    {
        var table = Show(Segment(1000, 600, 300, 120, 60));

        // 600 of 1,000: Wilson 56.9%–63.0%; 60 of 1,000 overall: 4.7%–7.6%; 240 of 300 carts abandoned: 75.1%–84.1%.
        Assert.Equal("56.9% – 63.0%", table.Find(".fi-stage-product .fi-interval").TextContent);
        Assert.Equal("6.0%", table.Find(".fi-overall .fi-value").TextContent);
        Assert.Equal("4.7% – 7.6%", table.Find(".fi-overall .fi-interval").TextContent);
        Assert.Equal("80.0%", table.Find(".fi-cart-abandonment .fi-value").TextContent);
        Assert.Equal("75.1% – 84.1%", table.Find(".fi-cart-abandonment .fi-interval").TextContent);
        Assert.Equal("50.0%", table.Find(".fi-checkout-abandonment .fi-value").TextContent);
    }

    [Fact]
    public void The_landing_row_has_no_interval_because_every_session_lands_by_definition()
    {
        var table = Show(Segment(1000, 600, 300, 120, 60));

        Assert.Empty(table.FindAll(".fi-stage-landing .fi-interval"));
        Assert.Equal(4, table.FindAll("tbody .fi-step-conversion + .fi-interval").Count);
    }

    [Fact]
    public void A_stage_button_asks_for_that_stages_drop_off()
    {
        FunnelStage? asked = null;
        var table = Show(Segment(1000, 600, 300, 120, 60), s => asked = s);

        table.Find(".fi-stage-checkout .fi-show-drop").Click();

        Assert.Equal(FunnelStage.Checkout, asked);
        Assert.Equal(4, table.FindAll(".fi-show-drop").Count);
    }

    [Fact]
    public void An_empty_funnel_shows_zero_counts_and_no_rates()
    {
        var table = Show(Segment(0, 0, 0, 0, 0), _ => { });

        Assert.Equal(["0", "0", "0", "0", "0"], table.FindAll(".fi-reached").Select(c => c.TextContent));
        Assert.All(table.FindAll(".fi-step-conversion"), c => Assert.Equal("—", c.TextContent));
        Assert.Equal("—", table.Find(".fi-overall .fi-value").TextContent);
        Assert.Empty(table.FindAll(".fi-show-drop"));
    }

    [Fact]
    public void Arabic_writes_the_stages_in_arabic_and_the_numbers_in_latin_digits_each_isolated_left_to_right()
    {
        UseCulture("ar");

        var table = Show(Segment(1000, 600, 300, 120, 60));

        Assert.Equal("\u20661,000\u2069", table.Find(".fi-stage-landing .fi-reached").TextContent);
        Assert.Equal("\u206660.0%\u2069", table.Find(".fi-stage-product .fi-step-conversion").TextContent);
        Assert.Contains("المنتج", table.Find(".fi-stage-product td").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_the_store_does_not_track_says_so_and_the_next_stage_converts_against_the_cart()
    {
        // RetailRocket-like: 1,000 land, 600 view, 300 add to cart, no checkout event, 60 buy: 60 / 300 = 20%.
        FunnelStep Step(FunnelStage stage, long n, long previous) => new(stage, true, n, new Proportion(n, previous), previous - n, new Proportion(previous - n, previous));
        var funnel = new FunnelSegment("all",
            [Step(FunnelStage.Landing, 1000, 1000), Step(FunnelStage.Product, 600, 1000), Step(FunnelStage.Cart, 300, 600), FunnelStep.NotTracked(FunnelStage.Checkout), Step(FunnelStage.Purchase, 60, 300)],
            new Proportion(60, 1000), new Proportion(240, 300), Proportion.None);
        var table = Show(funnel, _ => { });

        Assert.Equal(["1,000", "600", "300", "not tracked", "60"], table.FindAll(".fi-reached").Select(c => c.TextContent));
        Assert.Equal("20.0%", table.Find(".fi-stage-purchase .fi-step-conversion").TextContent);
        Assert.Equal("240", table.Find(".fi-stage-purchase .fi-drop-off").TextContent);
        Assert.Empty(table.FindAll(".fi-stage-checkout .fi-show-drop"));
        Assert.Equal("80.0%", table.Find(".fi-cart-abandonment .fi-value").TextContent);
        Assert.Equal("not tracked", table.Find(".fi-checkout-abandonment .fi-value").TextContent);
    }
}
