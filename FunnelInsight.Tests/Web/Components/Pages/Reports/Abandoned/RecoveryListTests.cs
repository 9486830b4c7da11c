using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Web.Components.Pages.Reports.Abandoned;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Abandoned;

public sealed class RecoveryListTests : ReportComponentTest
{
    // Page 2 of 230 carts, 25 a page: carts 26–50, cart i worth 10 × i.
    private static RecoveryPage List(long total = 230, int page = 2, RecoveryOrder order = RecoveryOrder.Value, string key = "s") => new(
        new FunnelQuery(3), order, total, page, 25,
        [.. Enumerable.Range((page - 1) * 25 + 1, (int)Math.Clamp(total - ((page - 1) * 25), 0, 25)).Reverse()
            .Select(i => new AbandonedSession($"{key}{i}", $"v{i}", "cart", null, 10 * i, 1 + (i % 3), new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 1, i % 24, 0, 0, DateTimeKind.Utc)))]);

    private IRenderedComponent<RecoveryList> Show(RecoveryPage list, Action<int>? page = null, Action<RecoveryOrder>? order = null, string currency = "USD") =>
        Render<RecoveryList>(p =>
        {
            p.Add(c => c.List, list).Add(c => c.Currency, currency);
            if (page is not null)
            {
                p.Add(c => c.PageChanged, page);
            }

            if (order is not null)
            {
                p.Add(c => c.OrderChanged, order);
            }
        });

    [Fact]
    public void A_page_shows_its_25_carts_which_of_the_true_total_they_are_and_what_the_list_holds()
    {
        var list = Show(List());

        Assert.Equal(25, list.FindAll(".fi-abandoned tbody tr").Count);
        Assert.Equal("v50", list.Find(".fi-abandoned tbody tr .fi-visitor").TextContent);
        Assert.Equal("USD 500.00", list.Find(".fi-abandoned tbody tr .fi-cart-value").TextContent);
        Assert.Equal("Carts 26–50 of 230.", list.Find(".fi-recovery-shown").TextContent);
        Assert.Equal("The list holds every session of this selection that reached the cart and not purchase (an abandoned cart), most valuable first; the export holds every one.",
            list.Find(".fi-recovery-holds").TextContent);
        Assert.Equal("/stores/3/session?key=s50", list.Find(".fi-abandoned .fi-session a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("JPY", "JPY 500")]
    [InlineData("KWD", "KWD 500.000")]
    public void A_cart_value_has_as_many_decimals_as_the_minor_unit_of_the_stores_currency(string currency, string shown)
    {
        // The first cart of page 2 is cart 50, worth 10 × 50 = 500: yen have no decimals, dinars three.
        var list = Show(List(), currency: currency);

        Assert.Equal(shown, list.Find(".fi-abandoned tbody tr .fi-cart-value").TextContent);
    }

    [Fact]
    public void The_pager_and_the_order_ask_for_another_page_and_order()
    {
        int? page = null;
        RecoveryOrder? order = null;
        var list = Show(List(), p => page = p, o => order = o);

        list.FindAll(".fi-recovery-pager button").First(b => b.TextContent.Trim() == "10").Click();
        list.FindAll(".fi-recovery-order .mud-toggle-item").First(b => b.TextContent.Contains("most items", StringComparison.Ordinal)).Click();

        Assert.Equal((10, RecoveryOrder.Items), (page, order));
    }

    [Fact]
    public void A_short_list_has_no_pager_and_keys_from_the_data_are_escaped()
    {
        var list = Show(List(total: 3, page: 1, order: RecoveryOrder.Recent, key: "<b>x</b>&"));

        Assert.Empty(list.FindAll(".fi-recovery-pager"));
        Assert.Empty(list.FindAll(".fi-abandoned b"));
        Assert.Equal("Carts 1–3 of 3.", list.Find(".fi-recovery-shown").TextContent);
        Assert.Contains("most recent first", list.Find(".fi-recovery-holds").TextContent, StringComparison.Ordinal);
        Assert.Equal("/stores/3/session?key=%3Cb%3Ex%3C%2Fb%3E%263", list.Find(".fi-abandoned .fi-session a").GetAttribute("href"));
    }
}
