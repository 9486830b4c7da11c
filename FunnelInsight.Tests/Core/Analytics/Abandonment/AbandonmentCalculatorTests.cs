using FunnelInsight.Core.Analytics.Abandonment;

namespace FunnelInsight.Tests.Core.Analytics.Abandonment;

public class AbandonmentCalculatorTests
{
    [Fact]
    public async Task Ordered_abandonment_counts_carts_without_purchase_and_lists_them_most_valuable_first()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var report = await store.Analytics.AbandonmentAsync(store.Query);

        Assert.Equal((2L, 4L), (report.CartAbandonment.Count, report.CartAbandonment.Total));
        Assert.Equal((0L, 2L), (report.CheckoutAbandonment.Count, report.CheckoutAbandonment.Total));
        Assert.Equal(45, report.AbandonedCartValue);
        Assert.Equal(["s3", "s2"], report.Sessions.Select(s => s.SessionKey));
        var top = report.Sessions[0];
        Assert.Equal(("s3", "cart", null, 30.0, 1), (top.VisitorKey, top.LastStage, top.LastStep, top.CartValue, top.CartItems));
        Assert.Equal(new DateTime(2024, 3, 5, 9, 0, 0, DateTimeKind.Utc), top.StartedUtc);
        Assert.Equal(new DateTime(2024, 3, 5, 9, 1, 0, DateTimeKind.Utc), top.LastEventUtc);
    }

    [Fact]
    public async Task Open_abandonment_also_counts_a_cart_added_before_the_product_view()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var report = await store.Analytics.AbandonmentAsync(store.Query with { Mode = FunnelMode.Open });

        Assert.Equal((3L, 5L), (report.CartAbandonment.Count, report.CartAbandonment.Total));
        Assert.Equal(50, report.AbandonedCartValue);
        Assert.Equal(["s3", "s2", "s6"], report.Sessions.Select(s => s.SessionKey));
    }

    [Fact]
    public async Task Recovery_list_names_the_last_checkout_step_and_honours_the_limit()
    {
        await using var store = await AnalyticsStore.CreateAsync(CheckoutFixtures.FiveCheckouts);
        var report = await store.Analytics.AbandonmentAsync(store.Query, maxSessions: 3);

        Assert.Equal((4L, 5L), (report.CheckoutAbandonment.Count, report.CheckoutAbandonment.Total));
        Assert.Equal(180, report.AbandonedCheckoutValue);
        Assert.Equal([("u1", "shipping_info", 1), ("u2", "payment_info", 2), ("u3", "account", 1)],
            report.Sessions.Select(s => (s.VisitorKey, s.LastStep, s.CartItems)));
    }

    [Fact]
    public async Task The_recovery_list_comes_a_page_at_a_time_with_every_abandoned_cart_in_its_total()
    {
        await using var store = await AnalyticsStore.CreateAsync(CheckoutFixtures.FiveCheckouts);

        var first = await store.Analytics.RecoveryListAsync(store.Query, pageSize: 3);
        var second = await store.Analytics.RecoveryListAsync(store.Query, page: 2, pageSize: 3);
        var past = await store.Analytics.RecoveryListAsync(store.Query, page: 7, pageSize: 3);

        // Four abandoned carts: u1, u2, u3 on the first page (as the limited report lists them), u4 alone on the second.
        Assert.Equal((4L, 2, 1L, 3L), (first.Total, first.Pages, first.First, first.Last));
        Assert.Equal(["u1", "u2", "u3"], first.Sessions.Select(s => s.VisitorKey));
        Assert.Equal(["u4"], second.Sessions.Select(s => s.VisitorKey));
        Assert.Equal((2, 4L, 4L), (past.Page, past.First, past.Last));
        Assert.Equal((await store.Analytics.AbandonmentAsync(store.Query)).CartAbandonment.Count, first.Total);
    }

    [Fact]
    public async Task The_recovery_list_sorts_by_value_items_or_latest_session()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var open = store.Query with { Mode = FunnelMode.Open };

        var byValue = await store.Analytics.RecoveryListAsync(open);
        var byItems = await store.Analytics.RecoveryListAsync(open, RecoveryOrder.Items);
        var recent = await store.Analytics.RecoveryListAsync(open, RecoveryOrder.Recent);

        // s3 30 (1 item), s2 15 (1 item), s6 5 (1 item); s2 starts before s3, s3 before s6.
        Assert.Equal(["s3", "s2", "s6"], byValue.Sessions.Select(s => s.SessionKey));
        Assert.Equal(["s3", "s2", "s6"], byItems.Sessions.Select(s => s.SessionKey));
        Assert.Equal(["s6", "s3", "s2"], recent.Sessions.Select(s => s.SessionKey));
    }
}
