using Bunit;
using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Web.Components.Pages.Reports.Abandoned;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Abandoned;

public sealed class RecoveryListTests : ReportComponentTest
{
    // Cart i is worth 10 × i with 31 − i items, last seen i hours after midnight: value and items sort in opposite orders.
    private static readonly List<AbandonedSession> Carts = [.. Enumerable.Range(1, 30)
        .Select(i => new AbandonedSession($"s{i}", $"v{i}", "cart", null, 10 * i, 31 - i, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 1, i % 24, 0, 0, DateTimeKind.Utc)))
        .OrderByDescending(s => s.CartValue)];

    private IRenderedComponent<RecoveryList> Show(long total) =>
        Render<RecoveryList>(p => p.Add(c => c.Sessions, Carts).Add(c => c.Total, total).Add(c => c.Currency, "USD"));

    [Fact]
    public void The_list_shows_25_carts_a_page_most_valuable_first()
    {
        var list = Show(30);

        Assert.Equal(25, list.FindAll(".fi-abandoned tbody tr").Count);
        Assert.Equal("v30", list.Find(".fi-abandoned tbody tr .fi-visitor").TextContent);
        Assert.Equal("USD 300.00", list.Find(".fi-abandoned tbody tr .fi-cart-value").TextContent);
        Assert.Empty(list.FindAll(".fi-recovery-shown"));
    }

    [Fact]
    public void Sorting_by_items_puts_the_fullest_cart_first()
    {
        var list = Show(30);

        list.Find(".fi-sort-items").Click(); // ascending: 1 item (v30) first
        list.Find(".fi-sort-items").Click(); // descending: 30 items (v1) first

        Assert.Equal("v1", list.Find(".fi-abandoned tbody tr .fi-visitor").TextContent);
        Assert.Equal("30", list.Find(".fi-abandoned tbody tr .fi-cart-items").TextContent);
    }

    [Fact]
    public void A_list_shorter_than_the_abandoned_carts_says_how_many_there_are_and_that_the_export_has_them_all()
    {
        var list = Show(6486);

        Assert.Equal("The 30 most valuable of 6,486 carts are listed here; the export holds every one.", list.Find(".fi-recovery-shown").TextContent);
    }
}
