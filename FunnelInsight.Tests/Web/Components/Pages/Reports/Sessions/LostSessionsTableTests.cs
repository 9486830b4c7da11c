using FunnelInsight.Core.Analytics.Drilldown;
using FunnelInsight.Web.Components.Pages.Reports.Sessions;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Sessions;

public sealed class LostSessionsTableTests : ReportComponentTest
{
    // Page 2 of 53 sessions, 25 a page (3 pages): s28 … s50, the newest first.
    private static LostSessionsReport Report(long total = 53, int page = 2, FunnelScope scope = FunnelScope.Session, string key = "s") => new(
        new FunnelQuery(7) { Scope = scope }, FunnelStage.Cart, FunnelStage.Product, total, page, 25, "UTC",
        [.. Enumerable.Range(0, (int)Math.Min(25, Math.Max(0, total - ((page - 1) * 25))))
            .Select(i => new LostSession($"{key}{i + 26}", $"v{i}", new DateTimeOffset(2024, 3, 5, 10, i, 0, TimeSpan.Zero), TimeSpan.FromSeconds(95), 4, "page_view", 0, null, null, null))]);

    private IRenderedComponent<LostSessionsTable> Show(LostSessionsReport report) => Render<LostSessionsTable>(p => p.Add(c => c.Report, report));

    [Fact]
    public void A_page_lists_its_sessions_each_a_link_to_its_timeline_with_the_total_and_the_page()
    {
        var table = Show(Report());

        Assert.Equal("53 sessions reached Product and not Cart in this selection, newest first.", table.Find(".fi-lost-intro").TextContent.Trim());
        Assert.Equal(25, table.FindAll(".fi-lost-sessions tbody tr").Count);
        Assert.Equal("/stores/7/session?key=s26", table.Find(".fi-lost-sessions .fi-session a").GetAttribute("href"));
        Assert.Equal("1 min 35 s", table.FindAll(".fi-lost-sessions tbody tr")[0].Children[4].TextContent);
        Assert.Equal("Page 2 of 3", table.Find(".fi-lost-page").TextContent);
        Assert.Empty(table.FindAll(".fi-lost-scope"));
    }

    [Fact]
    public void A_key_from_the_data_is_escaped_in_the_link_and_the_text()
    {
        var table = Show(Report(total: 1, page: 1, key: "a&b=<x>#"));

        Assert.Equal("/stores/7/session?key=a%26b%3D%3Cx%3E%2326", table.Find(".fi-lost-sessions .fi-session a").GetAttribute("href"));
        Assert.Equal("a&b=<x>#26", table.Find(".fi-lost-sessions .fi-session a").TextContent);
        Assert.Empty(table.FindAll(".fi-lost-pager"));
    }

    [Fact]
    public void No_lost_session_is_said_and_visitor_scope_says_the_list_is_of_sessions()
    {
        var table = Show(Report(total: 0, page: 1, scope: FunnelScope.Visitor));

        Assert.Equal("No session of this selection was lost before Cart.", table.Find(".fi-lost-none").TextContent.Trim());
        Assert.Equal("The list is of sessions, also when the funnel counts visitors.", table.Find(".fi-lost-scope").TextContent);
        Assert.Empty(table.FindAll(".fi-lost-sessions"));
    }

    [Fact]
    public void Choosing_a_page_asks_for_it()
    {
        var asked = 0;
        var table = Render<LostSessionsTable>(p => p.Add(c => c.Report, Report()).Add(c => c.PageChanged, (int page) => asked = page));

        table.FindAll(".fi-lost-pager button").First(b => b.TextContent.Trim() == "3").Click();

        Assert.Equal(3, asked);
    }
}
