using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Tests.Support;

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

/// <summary>The whole recovery list, past the page's first screens: the export carries every abandoned cart.</summary>
public sealed class RecoveryListExportTests
{
    [Fact]
    public async Task An_export_of_230_abandoned_carts_lists_all_230_with_their_values_and_the_page_totals_agree()
    {
        // Session c{i} views p{i} and adds it to the cart at i × 1.00 and leaves; one session, b1, buys (so the store
        // tracks purchases and a cart without one is abandoned).
        var rows = Enumerable.Range(1, 230).SelectMany(i => new[]
        {
            $"2024-03-04T10:00:00Z,session_start,c{i},,,,,,desktop,seo,US,",
            $"2024-03-04T10:01:00Z,view_item,c{i},,p{i},,,,desktop,seo,US,",
            $"2024-03-04T10:02:00Z,add_to_cart,c{i},,p{i},{i}.00,1,,desktop,seo,US,",
        }).Concat(
        [
            "2024-03-04T11:00:00Z,session_start,b1,,,,,,desktop,seo,US,",
            "2024-03-04T11:01:00Z,view_item,b1,,p1,,,,desktop,seo,US,",
            "2024-03-04T11:02:00Z,add_to_cart,b1,,p1,5.00,1,,desktop,seo,US,",
            "2024-03-04T11:03:00Z,begin_checkout,b1,,,,,,desktop,seo,US,",
            "2024-03-04T11:04:00Z,purchase,b1,,p1,5.00,1,o1,desktop,seo,US,",
        ]);
        await using var store = await AnalyticsStore.CreateAsync(string.Join("\n", rows));

        var document = await FunnelInsight.Web.Services.Reports.ReportFile.BuildAsync(store.Analytics, "abandonment", store.Query, limit: null, inactiveDays: 90, currency: "USD", CancellationToken.None);
        using var csv = new MemoryStream();
        await FunnelInsight.Web.Services.Reports.ReportFile.WriteAsync(document, "csv", csv, CancellationToken.None);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var page = await store.Analytics.RecoveryListAsync(store.Query, pageSize: 25);
        Assert.Equal((230L, 10), (page.Total, page.Pages));
        // A header line and one line a cart, most valuable first: c230 at 230.00 down to c1 at 1.00.
        Assert.Equal(231, lines.Length);
        Assert.StartsWith("c230,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("c1,", lines[^1], StringComparison.Ordinal);
        // 1 + 2 + … + 230 = 26,565.
        var report = await store.Analytics.AbandonmentAsync(store.Query);
        Assert.Equal((230L, 231L, 26_565.0), (report.CartAbandonment.Count, report.CartAbandonment.Total, report.AbandonedCartValue));
    }
}
