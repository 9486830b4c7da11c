using FunnelInsight.Core.Analytics.Leaks;
using FunnelInsight.Web.Components.Pages.Reports.Leaks;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Leaks;

public sealed class LeakListTests : ReportComponentTest
{
    private static readonly Leak[] Ranked =
    [
        new("cart_to_checkout", "cart", "checkout", 300, 180, new Proportion(180, 300), 7250.7, true, null),
        new("landing_to_product", "landing", "product", 1000, 400, new Proportion(400, 1000), 4000, false, null),
        new("checkout_coupon", "coupon", "purchase", 12, 0, new Proportion(0, 12), 0, true, null),
    ];

    [Fact]
    public void Leaks_are_listed_in_the_order_given_with_lost_sessions_rates_and_revenue()
    {
        var list = Render<LeakList>(p => p.Add(c => c.Leaks, Ranked).Add(c => c.Currency, "USD"));

        var rows = list.FindAll(".fi-leaks tbody tr");
        Assert.Equal(2, rows.Count); // the coupon step lost no one
        Assert.Equal("Cart → checkout", rows[0].QuerySelectorAll("td")[1].TextContent);
        Assert.Equal(["180", "400"], list.FindAll(".fi-leak-lost").Select(c => c.TextContent));
        Assert.Equal(["300", "1,000"], list.FindAll(".fi-leak-reached").Select(c => c.TextContent));
        Assert.Equal(["60.0%", "40.0%"], list.FindAll(".fi-leak-rate").Select(c => c.TextContent));
        Assert.Equal(["USD 7,250.70", "USD 4,000.00"], list.FindAll(".fi-leak-revenue").Select(c => c.TextContent));
        Assert.Contains("value of the lost carts", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_lost_sessions_the_list_says_nothing_leaked()
    {
        var list = Render<LeakList>(p => p.Add(c => c.Leaks, [Ranked[2]]).Add(c => c.Currency, "USD"));

        Assert.Empty(list.FindAll(".fi-leaks"));
        Assert.Equal("No session was lost in this selection.", list.Find(".fi-no-leaks").TextContent.Trim());
    }

    [Fact]
    public void Each_leak_says_how_its_lost_revenue_is_estimated_and_an_unnamed_transition_reads_from_stage_to_stage()
    {
        Leak[] leaks =
        [
            new("cart_to_purchase", "cart", "purchase", 2, 1, new Proportion(1, 2), 20, true, null),
            new("landing_to_product", "landing", "product", 4, 1, new Proportion(1, 4), 10, false, new Proportion(1, 3)),
            new("cart_to_checkout", "cart", "checkout", 300, 180, new Proportion(180, 300), 3600, true, new Proportion(60, 120)),
        ];
        var list = Render<LeakList>(p => p.Add(c => c.Leaks, leaks).Add(c => c.Currency, "USD"));

        Assert.Equal("Cart → Purchase", list.Find(".fi-leak-cart_to_purchase td:nth-child(2)").TextContent);
        Assert.Equal(
            ["value of the lost carts", "lost × average order value × conversion Product → purchase (33.3%)", "value of the lost carts × conversion Checkout → purchase (50.0%)"],
            list.FindAll(".fi-leak-estimate").Select(c => c.TextContent));
    }

    [Theory]
    [MemberData(nameof(MoneyCases.Amounts), MemberType = typeof(MoneyCases))]
    public void Lost_revenue_has_the_decimals_of_the_stores_currency(string culture, string currency, string large, string small)
    {
        UseCulture(culture);
        Leak[] leaks = [Ranked[0] with { EstimatedLostRevenue = MoneyCases.Large }, Ranked[1] with { EstimatedLostRevenue = MoneyCases.Small }];
        var list = Render<LeakList>(p => p.Add(c => c.Leaks, leaks).Add(c => c.Currency, currency));

        Assert.Equal([large, small], list.FindAll(".fi-leak-revenue").Select(c => MoneyCases.Shown(c.TextContent, culture)));
    }
}
