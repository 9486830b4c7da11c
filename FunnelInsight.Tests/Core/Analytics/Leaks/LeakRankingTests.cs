namespace FunnelInsight.Tests.Core.Analytics.Leaks;

public class LeakRankingTests
{
    [Fact]
    public async Task Stage_leaks_are_valued_at_what_the_lost_sessions_would_have_bought_at_the_onward_conversion()
    {
        // Reached 6 / 5 / 4 / 2 / 2; buyers s1 (40) and s5 (10), so AOV 25. landing → product loses s4:
        // 1 × 25 × conversion product → purchase (2/5) = 10. product → cart loses s6: 1 × 25 × 2/4 = 12.5.
        // cart → checkout loses s2 and s3, carts 15 + 30, × conversion checkout → purchase (2/2) = 45.
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var report = await store.Analytics.LeaksAsync(store.Query);
        var leaks = report.BySessionsLost.ToDictionary(l => l.Key);

        Assert.Equal(25, report.AverageOrderValue);
        Assert.Equal(["cart_to_checkout", "product_to_cart", "landing_to_product"], report.BySessionsLost.Take(3).Select(l => l.Key));
        Assert.Equal((4L, 2L, 0.5, 45.0, true, 1.0), (leaks["cart_to_checkout"].Reached, leaks["cart_to_checkout"].Lost, leaks["cart_to_checkout"].DropRate.Value,
            leaks["cart_to_checkout"].EstimatedLostRevenue, leaks["cart_to_checkout"].RevenueFromCarts, leaks["cart_to_checkout"].ConversionToPurchase!.Value));
        Assert.Equal((12.5, 0.5, false), (leaks["product_to_cart"].EstimatedLostRevenue, leaks["product_to_cart"].ConversionToPurchase!.Value, leaks["product_to_cart"].RevenueFromCarts));
        Assert.Equal((10.0, 0.4), (leaks["landing_to_product"].EstimatedLostRevenue, leaks["landing_to_product"].ConversionToPurchase!.Value));
        Assert.Equal("lost × average order value × conversion product → purchase", leaks["landing_to_product"].EstimateFormula);
        Assert.Equal("cart_to_checkout", report.Biggest?.Key);
    }

    [Fact]
    public async Task Checkout_exits_are_split_by_the_last_sub_step_and_valued_by_their_carts()
    {
        await using var store = await AnalyticsStore.CreateAsync(CheckoutFixtures.FiveCheckouts);
        var report = await store.Analytics.LeaksAsync(store.Query);
        var leaks = report.BySessionsLost.ToDictionary(l => l.Key);

        Assert.Equal((5L, 1L, 10.0), (leaks["checkout_start"].Reached, leaks["checkout_start"].Lost, leaks["checkout_start"].EstimatedLostRevenue));
        Assert.Equal((1L, 1L, 1.0), (leaks["checkout_account"].Reached, leaks["checkout_account"].Lost, leaks["checkout_account"].DropRate.Value));
        Assert.Equal((3L, 1L, 100.0), (leaks["checkout_shipping"].Reached, leaks["checkout_shipping"].Lost, leaks["checkout_shipping"].EstimatedLostRevenue));
        Assert.Equal((2L, 1L, 50.0), (leaks["checkout_payment"].Reached, leaks["checkout_payment"].Lost, leaks["checkout_payment"].EstimatedLostRevenue));
        Assert.Equal((0L, 0L), (leaks["checkout_coupon"].Reached, leaks["checkout_coupon"].Lost));
        Assert.Equal("checkout_shipping", report.Biggest?.Key);
        Assert.Equal(["checkout_shipping", "checkout_payment", "checkout_account", "checkout_start"], report.ByLostRevenue.Take(4).Select(l => l.Key));
    }

    [Fact]
    public async Task Without_purchase_prices_the_orders_average_value_prices_the_early_leaks()
    {
        // No cart or checkout events: product leads straight to purchase. AOV from the orders: (30 + 50) / 2 = 40.
        // landing → product loses b: 1 × 40 × conversion product → purchase (1/2) = 20; product → purchase loses c: 1 × 40.
        await using var store = await AnalyticsStore.CreateAsync(
            "2024-03-04T10:00:00Z,session_start,a,,,,,,,,,\n2024-03-04T10:01:00Z,view_item,a,,,,,,,,,\n2024-03-04T10:02:00Z,purchase,a,,,,,,,,,\n" +
            "2024-03-04T11:00:00Z,session_start,b,,,,,,,,,\n2024-03-04T12:00:00Z,session_start,c,,,,,,,,,\n2024-03-04T12:01:00Z,view_item,c,,,,,,,,,",
            "o1,c1,,2024-03-04T12:00:00Z,,,,,30,,paid,\no2,c2,,2024-03-04T13:00:00Z,,,,,50,,paid,\no3,c3,,2024-03-04T14:00:00Z,,,,,1000,,cancelled,");
        var report = await store.Analytics.LeaksAsync(store.Query);

        Assert.Equal(40, report.AverageOrderValue);
        Assert.Equal(["landing_to_product", "product_to_purchase"], report.BySessionsLost.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.Equal(20, report.BySessionsLost.Single(l => l.Key == "landing_to_product").EstimatedLostRevenue);
        Assert.Equal(40, report.BySessionsLost.Single(l => l.Key == "product_to_purchase").EstimatedLostRevenue);
    }

    [Fact]
    public async Task An_empty_store_tracks_no_stage_to_leak_into_and_names_no_biggest_leak()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        var report = await store.Analytics.LeaksAsync(store.Query);

        Assert.Null(report.Biggest);
        Assert.Empty(report.BySessionsLost);
        Assert.Equal(TrackedStages.LandingOnly, report.Tracked);
    }

    [Fact]
    public async Task A_store_without_checkout_events_leaks_from_cart_to_purchase_at_the_carts_value()
    {
        // RetailRocket-like: view, addtocart, transaction. a buys (cart 30), b leaves with a cart of 20.
        await using var store = await AnalyticsStore.CreateAsync(CheckoutFixtures.CartsWithoutCheckout);
        var report = await store.Analytics.LeaksAsync(store.Query);

        Assert.Equal(["cart_to_purchase", "landing_to_product", "product_to_cart"], report.BySessionsLost.Select(l => l.Key).Order(StringComparer.Ordinal));
        var cart = report.BySessionsLost.Single(l => l.Key == "cart_to_purchase");
        Assert.Equal((2L, 1L, 20.0, (Proportion?)null), (cart.Reached, cart.Lost, cart.EstimatedLostRevenue, cart.ConversionToPurchase));
        Assert.Equal("cart_to_purchase", report.Biggest?.Key);
    }
}
