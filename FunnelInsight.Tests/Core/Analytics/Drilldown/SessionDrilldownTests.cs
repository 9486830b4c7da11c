namespace FunnelInsight.Tests.Core.Analytics.Drilldown;

/// <summary>
/// Session drill-down over a hand-checked store: one session's events in order, and the sessions lost at a stage,
/// read through the event engine (the suite runs it on each engine).
/// </summary>
public sealed class SessionDrilldownTests
{
    // Lines (the header is line 1). s1's lines are out of time order, and its add_to_cart shares view_item's time on an
    // earlier line: in order it comes first, so the ordered funnel reaches product after it and never cart.
    //   s1 mobile  03-05  session_start, add_to_cart, view_item, page_view  ordered depth product (open: cart too)
    //   s2 desktop 03-05  session_start, view_item, add_to_cart, purchase   depth purchase
    //   s3 Mobile  03-06  session_start, view_item                          depth product
    //   s4 desktop 03-07  view_item (lands and reaches product), page_view  depth product
    //   s5 mobile  03-08  session_start                                     depth landing
    // Lost before cart, ordered: s1, s3, s4 (newest first: s4, s3, s1); open: s3, s4.
    internal const string Events = """
        2024-03-05T10:02:00Z,page_view,s1,u1,,,,,mobile,ads,US,850
        2024-03-05T10:00:00Z,session_start,s1,u1,,,,,mobile,ads,US,1200
        2024-03-05T10:00:30Z,add_to_cart,s1,u1,p1,20,1,,mobile,ads,US,
        2024-03-05T10:00:30Z,view_item,s1,u1,p1,20,,,mobile,ads,US,400
        2024-03-05T11:00:00Z,session_start,s2,u2,,,,,desktop,email,DE,
        2024-03-05T11:01:00Z,view_item,s2,u2,p2,15,,,desktop,email,DE,
        2024-03-05T11:02:00Z,add_to_cart,s2,u2,p2,15,1,,desktop,email,DE,
        2024-03-05T11:05:00Z,purchase,s2,u2,p2,15,1,o1,desktop,email,DE,
        2024-03-06T09:00:00Z,session_start,s3,u3,,,,,Mobile,ads,US,
        2024-03-06T09:00:10Z,view_item,s3,u3,p3,8,,,Mobile,ads,US,
        2024-03-07T09:00:00Z,view_item,s4,u4,p1,20,,,desktop,ads,US,
        2024-03-07T09:03:00Z,page_view,s4,u4,,,,,desktop,ads,US,
        2024-03-08T12:00:00Z,session_start,s5,u5,,,,,mobile,ads,US,
        """;

    [Fact]
    public async Task A_sessions_events_come_by_time_then_line_with_gaps_and_the_stages_they_reached()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        var timeline = (await store.Analytics.SessionTimelineAsync(store.StoreId, "s1"))!;

        Assert.Equal(("s1", "u1", "UTC", "mobile"), (timeline.SessionKey, timeline.VisitorKey, timeline.TimeZone, timeline.Device));
        Assert.Equal(["session_start", "add_to_cart", "view_item", "page_view"], timeline.Events.Select(e => e.Name));
        Assert.Equal([3L, 4, 5, 2], timeline.Events.Select(e => e.Line));
        Assert.Equal([null, TimeSpan.FromSeconds(30), TimeSpan.Zero, TimeSpan.FromSeconds(90)], timeline.Events.Select(e => e.Gap));
        Assert.Equal([FunnelStage.Landing, FunnelStage.Cart, FunnelStage.Product, (FunnelStage?)null], timeline.Events.Select(e => e.Stage));
        Assert.Equal(["Landing", "", "Product", ""], timeline.Events.Select(e => string.Join("+", e.Reaches)));
        Assert.Equal(FunnelStage.Product, timeline.Reached);
        Assert.Equal([1200, null, 400, 850], timeline.Events.Select(e => e.PageLoadMs));
        Assert.Equal(("p1", 20.0, 1), (timeline.Events[1].Product, timeline.Events[1].Price, timeline.Events[1].Quantity));
        Assert.Equal(TimeSpan.FromMinutes(2), timeline.Duration);
    }

    [Fact]
    public async Task A_session_that_starts_on_a_product_view_lands_and_reaches_product_at_that_event()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        var timeline = (await store.Analytics.SessionTimelineAsync(store.StoreId, "s4"))!;

        Assert.Equal(["Landing+Product", ""], timeline.Events.Select(e => string.Join("+", e.Reaches)));
        var purchase = (await store.Analytics.SessionTimelineAsync(store.StoreId, "s2"))!;
        Assert.Equal(FunnelStage.Purchase, purchase.Reached);
        Assert.Equal(["Landing", "Product", "Cart", "Purchase"], purchase.Events.Select(e => string.Join("+", e.Reaches)));
        Assert.Equal("o1", purchase.Events[3].Order);
    }

    [Fact]
    public async Task Times_are_given_in_the_stores_time_zone()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);
        var settings = new StoreSettingsService(store.Temp.Database);
        Assert.Empty((await settings.SaveAsync(store.StoreId, (await settings.GetAsync(store.StoreId))! with { TimeZone = "Asia/Riyadh" })).Errors);

        var timeline = (await store.Analytics.SessionTimelineAsync(store.StoreId, "s1"))!;

        Assert.Equal("Asia/Riyadh", timeline.TimeZone);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 13, 0, 0, TimeSpan.FromHours(3)), timeline.Started);
        Assert.Equal("2024-03-05 13:00:30 +03:00", timeline.Events[1].Time.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unknown_session_key_is_no_session_and_keys_match_exactly()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        Assert.Null(await store.Analytics.SessionTimelineAsync(store.StoreId, "nope"));
        Assert.Null(await store.Analytics.SessionTimelineAsync(store.StoreId, "S1"));
        Assert.Null(await store.Analytics.SessionTimelineAsync(store.StoreId, "s1' OR '1'='1"));
    }

    [Fact]
    public async Task Lost_sessions_are_those_that_reached_the_stage_before_and_not_this_one_newest_first()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        var lost = await store.Analytics.LostSessionsAsync(store.Query, FunnelStage.Cart);

        Assert.Equal((3L, FunnelStage.Product), (lost.Total, lost.Before));
        Assert.Equal(["s4", "s3", "s1"], lost.Sessions.Select(s => s.SessionKey));
        Assert.Equal((await store.Analytics.DropOffAsync(store.Query, FunnelStage.Cart)).Lost, lost.Total);
        var s1 = lost.Sessions[2];
        Assert.Equal(("u1", 4, "page_view", 20.0, TimeSpan.FromMinutes(2)), (s1.VisitorKey, s1.Events, s1.LastEvent, s1.CartValue, s1.Duration));
        Assert.Equal(["s5"], (await store.Analytics.LostSessionsAsync(store.Query, FunnelStage.Product)).Sessions.Select(s => s.SessionKey));
        Assert.Equal(0, (await store.Analytics.LostSessionsAsync(store.Query, FunnelStage.Purchase)).Total);
    }

    [Fact]
    public async Task Lost_sessions_honour_the_filters_the_range_and_the_mode()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        var mobile = await store.Analytics.LostSessionsAsync(store.Query with { Device = "MOBILE" }, FunnelStage.Cart);
        var fromSixth = await store.Analytics.LostSessionsAsync(store.Query with { From = new DateOnly(2024, 3, 6) }, FunnelStage.Cart);
        var sixthOnly = await store.Analytics.LostSessionsAsync(store.Query with { From = new DateOnly(2024, 3, 6), To = new DateOnly(2024, 3, 6) }, FunnelStage.Cart);
        var open = await store.Analytics.LostSessionsAsync(store.Query with { Mode = FunnelMode.Open }, FunnelStage.Cart);
        var nowhere = await store.Analytics.LostSessionsAsync(store.Query with { Country = "FR" }, FunnelStage.Cart);

        Assert.Equal(["s3", "s1"], mobile.Sessions.Select(s => s.SessionKey));
        Assert.Equal(["s4", "s3"], fromSixth.Sessions.Select(s => s.SessionKey));
        Assert.Equal(["s3"], sixthOnly.Sessions.Select(s => s.SessionKey));
        Assert.Equal(["s4", "s3"], open.Sessions.Select(s => s.SessionKey));
        Assert.Equal((0L, 1), (nowhere.Total, nowhere.Pages));
        Assert.Empty(nowhere.Sessions);
    }

    [Fact]
    public async Task Lost_sessions_come_a_page_at_a_time_with_the_total_and_a_page_past_the_last_is_the_last()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        var first = await store.Analytics.LostSessionsAsync(store.Query, FunnelStage.Cart, page: 1, pageSize: 2);
        var second = await store.Analytics.LostSessionsAsync(store.Query, FunnelStage.Cart, page: 2, pageSize: 2);
        var past = await store.Analytics.LostSessionsAsync(store.Query, FunnelStage.Cart, page: 9, pageSize: 2);

        Assert.Equal((3L, 2, 1), (first.Total, first.Pages, first.Page));
        Assert.Equal(["s4", "s3"], first.Sessions.Select(s => s.SessionKey));
        Assert.Equal(["s1"], second.Sessions.Select(s => s.SessionKey));
        Assert.Equal(2, past.Page);
        Assert.Equal(["s1"], past.Sessions.Select(s => s.SessionKey));
    }

    [Fact]
    public async Task A_session_cut_from_a_visitors_events_without_a_session_id_holds_only_its_own_events()
    {
        // A RetailRocket export has no session id: v9's events are cut at the 30-minute inactivity timeout into a 10:00
        // and a 12:00 session (2024-03-05, UTC).
        await using var store = await AnalyticsStore.CreateAsync(null);
        await store.ImportAsync(ImportKind.Events, "visits.csv", """
            timestamp,visitorid,event,itemid,transactionid
            1709632800000,v9,view,p1,
            1709633100000,v9,view,p2,
            1709640000000,v9,addtocart,p1,
            1709640060000,v9,view,p3,
            """ + "\n");
        var key = "v9#1709640000000000";
        var timeline = (await store.Analytics.SessionTimelineAsync(store.StoreId, key))!;

        Assert.Equal(["addtocart", "view"], timeline.Events.Select(e => e.Name));
        Assert.Equal([4L, 5], timeline.Events.Select(e => e.Line));
    }
}
