using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Analytics.Leaks;

public class LeakRankingTests
{
    [Fact]
    public async Task Stage_leaks_are_ranked_by_sessions_lost_with_revenue_from_aov_before_the_cart()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);
        var report = await store.Analytics.LeaksAsync(store.Query);

        Assert.Equal(25, report.AverageOrderValue);
        Assert.Equal(["cart_to_checkout", "landing_to_product", "product_to_cart"], report.BySessionsLost.Take(3).Select(l => l.Key));
        var cartToCheckout = report.BySessionsLost[0];
        Assert.Equal((4L, 2L, 0.5, 45.0, true), (cartToCheckout.Reached, cartToCheckout.Lost, cartToCheckout.DropRate.Value, cartToCheckout.EstimatedLostRevenue, cartToCheckout.RevenueFromCarts));
        Assert.Equal(25, report.BySessionsLost[1].EstimatedLostRevenue);
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
        await using var store = await AnalyticsStore.CreateAsync(
            "2024-03-04T10:00:00Z,session_start,a,,,,,,,,,\n2024-03-04T11:00:00Z,session_start,b,,,,,,,,,\n2024-03-04T11:01:00Z,view_item,b,,,,,,,,,",
            "o1,c1,,2024-03-04T12:00:00Z,,,,,30,,paid,\no2,c2,,2024-03-04T13:00:00Z,,,,,50,,paid,\no3,c3,,2024-03-04T14:00:00Z,,,,,1000,,cancelled,");
        var report = await store.Analytics.LeaksAsync(store.Query);

        Assert.Equal(40, report.AverageOrderValue);
        Assert.Equal(40, report.BySessionsLost.Single(l => l.Key == "landing_to_product").EstimatedLostRevenue);
    }

    [Fact]
    public async Task An_empty_store_names_no_biggest_leak()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        var report = await store.Analytics.LeaksAsync(store.Query);

        Assert.Null(report.Biggest);
        Assert.Equal(8, report.BySessionsLost.Count);
        Assert.All(report.BySessionsLost, leak => Assert.Equal(0, leak.Lost));
    }
}
