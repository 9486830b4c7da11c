using FunnelInsight.Core.Analytics.Friction;

namespace FunnelInsight.Tests.Core.Analytics.Friction;

public class FrictionDetectorTests
{
    private static readonly string[] Bought = ["session_start", "view_item", "add_to_cart", "begin_checkout", "add_shipping_info", "add_payment_info", "purchase:50"];

    private static async Task<FrictionReport> FrictionAsync(string events, string? orders = null)
    {
        await using var store = await AnalyticsStore.CreateAsync(events, orders);
        return await store.Analytics.FrictionAsync(store.Query);
    }

    [Fact]
    public async Task No_flag_is_raised_without_evidence_but_the_reference_figures_still_stand_beside_the_numbers()
    {
        var report = await FrictionAsync(FunnelAnalyticsTests.SixSessions);

        Assert.Empty(report.Flags);
        var baymard = report.References.Single(r => r.Reference.Key == "cart_abandonment_baymard");
        Assert.Equal((0.6957, "Baymard Institute", 0.5), (baymard.Reference.Value, baymard.Reference.Source, baymard.Merchant!.Value));
        Assert.Equal(2.0 / 6, report.References.Single(r => r.Reference.Key == "purchase_share").Merchant!.Value, 12);
        Assert.Null(report.References.Single(r => r.Reference.Key == "cart_email_open_rate").Merchant);
        Assert.Equal(9, report.References.Count);
    }

    [Fact]
    public async Task Drop_concentrated_at_the_shipping_step_raises_surprise_costs_and_carts_left_behind()
    {
        var events = new SessionRows()
            .Add(20, "desktop", null, "session_start", "view_item", "add_to_cart:10", "begin_checkout", "add_shipping_info")
            .Add(10, "desktop", null, Bought);
        var report = await FrictionAsync(events.ToString());

        Assert.Equal(["surprise_costs", "cart_left_behind"], report.Flags.Select(f => f.Key));
        var surprise = report.Flags[0];
        Assert.Equal((20L, 200.0, FlagConfidence.Low), (surprise.SessionsTouched, surprise.RevenueAtStake, surprise.Confidence));
        Assert.Equal(1.0, surprise.Figures.Single(f => f.Name == "shareOfCheckoutExits").Value);
        Assert.Contains("100.0% of the 20 checkout exits", surprise.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("Show shipping costs", surprise.Remedy, StringComparison.Ordinal);
        Assert.Equal("20 carts with value were abandoned, worth USD 200.00 in all.", report.Flags[1].Evidence);
    }

    [Fact]
    public async Task Large_shipping_and_tax_shares_in_orders_raise_surprise_costs_alone()
    {
        var orders = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"o{i},c{i},,2024-03-04T10:00:00Z,35,10,5,0,50,USD,paid,"));
        var report = await FrictionAsync(new SessionRows().Add(1, "desktop", null, "session_start").ToString(), orders);

        var flag = Assert.Single(report.Flags);
        Assert.Equal("surprise_costs", flag.Key);
        Assert.Equal(0.3, flag.Figures.Single(f => f.Name == "medianShippingAndTaxShare").Value, 12);
    }

    [Fact]
    public async Task Login_exits_payment_failures_and_coupon_exits_raise_their_own_flags()
    {
        var events = new SessionRows()
            .Add(12, "desktop", null, "session_start", "view_item", "add_to_cart", "begin_checkout", "login")
            .Add(10, "desktop", null, "session_start", "view_item", "add_to_cart", "begin_checkout", "add_payment_info", "payment_failed")
            .Add(10, "desktop", null, "session_start", "view_item", "add_to_cart", "begin_checkout", "apply_coupon", "coupon_failed")
            .Add(10, "desktop", null, Bought);
        var flags = (await FrictionAsync(events.ToString())).Flags.ToDictionary(f => f.Key);

        Assert.Equal(["coupon_hunting", "forced_account", "payment_friction"], flags.Keys.Order());
        Assert.Equal(12, flags["forced_account"].SessionsTouched);
        Assert.Equal(10.0 / 20, flags["payment_friction"].Figures.Single(f => f.Name == "dropRate").Value);
        Assert.Equal(10, flags["payment_friction"].Figures.Single(f => f.Name == "paymentFailedSessions").Value);
        Assert.Equal(10, flags["coupon_hunting"].SessionsTouched);
    }

    [Fact]
    public async Task Mobile_checkouts_converting_far_below_desktop_raise_the_gap_and_slow_pages_flags()
    {
        var checkoutOnly = new[] { "session_start", "view_item", "add_to_cart", "begin_checkout" };
        var events = new SessionRows()
            .Add(30, "mobile", 3000, checkoutOnly).Add(10, "mobile", 3000, Bought)
            .Add(10, "desktop", 1000, checkoutOnly).Add(30, "desktop", 1000, Bought);
        var flags = (await FrictionAsync(events.ToString())).Flags.ToDictionary(f => f.Key);

        Assert.Equal(["mobile_checkout_gap", "slow_pages"], flags.Keys.Order());
        var gap = flags["mobile_checkout_gap"];
        Assert.Equal((30L, 1000.0, FlagConfidence.High), (gap.SessionsTouched, gap.RevenueAtStake, gap.Confidence));
        Assert.Equal(0.25, gap.Figures.Single(f => f.Name == "mobileConversion").Value);
        // 10 of 40 against 30 of 40: z = −4.47, p ≈ 0.000008, written as below a thousandth rather than "p = 0.0000".
        Assert.EndsWith("against 75.0% on desktop (40); p < 0.001.", gap.Evidence, StringComparison.Ordinal);
        Assert.Equal(2000, flags["slow_pages"].Figures.Single(f => f.Name == "medianPageLoadMs").Value);
    }

    [Fact]
    public async Task Cart_abandonment_whose_interval_clears_the_baymard_figure_is_flagged()
    {
        var events = new SessionRows()
            .Add(90, "desktop", null, "session_start", "view_item", "add_to_cart")
            .Add(10, "desktop", null, Bought);
        var flag = Assert.Single((await FrictionAsync(events.ToString())).Flags);

        Assert.Equal(("abandonment_above_benchmark", 90L, FlagConfidence.High), (flag.Key, flag.SessionsTouched, flag.Confidence));
        Assert.Equal(0.9, flag.Figures.Single(f => f.Name == "cartAbandonmentRate").Value);
        Assert.Equal("Baymard Institute", flag.Reference?.Source);
    }
}
