using FunnelInsight.Core.Analytics.Drilldown;
using FunnelInsight.Web.Components.Pages.Reports.Sessions;
using FunnelInsight.Web.Components.UI;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Sessions;

public sealed class SessionTimelineViewTests : ReportComponentTest
{
    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    // Landed at 13:00:00 (+03:00), a cart 30 s later, the product view at the same second (its line after), a page 90 s on.
    private static SessionTimeline Timeline(string visitor = "u1", string name = "page_view") => new(1, "s1", visitor, "Asia/Riyadh",
        new DateTimeOffset(2024, 3, 5, 13, 0, 0, Riyadh), new DateTimeOffset(2024, 3, 5, 13, 2, 0, Riyadh), "mobile", "ads", "US",
        FunnelStage.Product, TrackedStages.All,
        [
            new TimelineEvent(new DateTimeOffset(2024, 3, 5, 13, 0, 0, Riyadh), null, "session_start", FunnelStage.Landing, [FunnelStage.Landing], null, null, null, null, 1200, 3),
            new TimelineEvent(new DateTimeOffset(2024, 3, 5, 13, 0, 30, Riyadh), TimeSpan.FromSeconds(30), "add_to_cart", FunnelStage.Cart, [], "p1", 20, 1, null, null, 4),
            new TimelineEvent(new DateTimeOffset(2024, 3, 5, 13, 0, 30, Riyadh), TimeSpan.Zero, "view_item", FunnelStage.Product, [FunnelStage.Product], "p1", 20, null, null, 400, 5),
            new TimelineEvent(new DateTimeOffset(2024, 3, 5, 13, 2, 0, Riyadh), TimeSpan.FromSeconds(90), name, null, [], null, null, null, null, 850, 2),
        ]);

    private IRenderedComponent<SessionTimelineView> Show(SessionTimeline timeline, string currency = "USD") => Render<SessionTimelineView>(p => p.Add(c => c.Timeline, timeline).Add(c => c.Currency, currency));

    [Fact]
    public void Events_are_listed_in_order_with_store_times_gaps_and_the_stages_they_reached()
    {
        var view = Show(Timeline());

        Assert.Equal(["session_start", "add_to_cart", "view_item", "page_view"], view.FindAll(".fi-event-name").Select(e => e.TextContent));
        Assert.Equal(["2024-03-05 13:00:00", "2024-03-05 13:00:30", "2024-03-05 13:00:30", "2024-03-05 13:02:00"], view.FindAll(".fi-event-time").Select(e => e.TextContent));
        Assert.Equal(["30 s later", "0 s later", "1 min 30 s later"], view.FindAll(".fi-gap").Select(e => e.TextContent));
        Assert.Equal(["Reached Landing", "Reached Product"], view.FindAll(".fi-reach").Select(e => e.TextContent.Trim()));
        Assert.Equal(2, view.FindAll(".fi-event-reaches").Count);
        Assert.Equal(["Page load: 1,200 ms", "Page load: 400 ms", "Page load: 850 ms"], view.FindAll(".fi-event-load").Select(e => e.TextContent));
        Assert.Contains("Price: USD 20.00", view.FindAll(".fi-event-detail")[1].TextContent);
        Assert.Equal("Product", view.Find(".fi-session-reached .fi-value").TextContent);
        Assert.Equal("Times in the store's time zone, Asia/Riyadh.", view.Find(".fi-session-zone").TextContent);
        Assert.Equal("2 min 0 s", view.Find(".fi-session-duration .fi-value").TextContent);
    }

    [Fact]
    public void Text_from_the_data_is_escaped()
    {
        var view = Show(Timeline(visitor: "<img src=x onerror=alert(1)>", name: "<script>alert(2)</script>"));

        Assert.Empty(view.FindAll("img"));
        Assert.Empty(view.FindAll(".fi-timeline script"));
        Assert.Equal("<script>alert(2)</script>", view.FindAll(".fi-event-name")[3].TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", view.Find(".fi-session-visitor .fi-value").TextContent);
    }

    [Fact]
    public void A_session_without_stored_events_says_so()
    {
        var view = Show(Timeline() with { Events = [] });

        Assert.Equal("This session has no stored events.", view.Find(".fi-session-no-events").TextContent.Trim());
        Assert.Empty(view.FindAll(".fi-timeline"));
    }

    [Fact]
    public void In_arabic_the_stages_are_translated_and_times_keep_latin_digits_in_one_piece()
    {
        UseCulture("ar");
        var view = Show(Timeline());

        Assert.Equal("2024-03-05 13:00:00", Bidi.Plain(view.FindAll(".fi-event-time")[0].TextContent));
        Assert.StartsWith("\u2066", view.FindAll(".fi-event-time")[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Reached", view.Find(".fi-reach").TextContent, StringComparison.Ordinal);
        Assert.Contains("وصلت إلى", view.Find(".fi-reach").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MoneyCases.Amounts), MemberType = typeof(MoneyCases))]
    public void A_price_has_the_decimals_of_the_stores_currency(string culture, string currency, string large, string small)
    {
        UseCulture(culture);
        var timeline = Timeline();
        TimelineEvent[] events = [timeline.Events[0], timeline.Events[1] with { Price = MoneyCases.Large }, timeline.Events[2] with { Price = MoneyCases.Small }, timeline.Events[3]];
        var view = Show(timeline with { Events = events }, currency);

        Assert.Equal([large, small], view.FindAll(".fi-event-price").Select(p => MoneyCases.Shown(p.TextContent, culture).Split(": ")[1]));
    }
}
