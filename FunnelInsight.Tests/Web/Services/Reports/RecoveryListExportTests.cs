using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Tests.Web.Services.Reports;

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

        var document = await ReportFile.BuildAsync(store.Analytics, "abandonment", store.Query, limit: null, inactiveDays: 90, currency: "USD", CancellationToken.None);
        using var csv = new MemoryStream();
        await ReportFile.WriteAsync(document, "csv", csv, CancellationToken.None);
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
