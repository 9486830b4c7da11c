namespace FunnelInsight.Tests.Core.Analytics.DropOff;

public class DropOffReaderTests
{
    [Fact]
    public async Task Sessions_lost_before_checkout_are_counted_by_their_last_event()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query, FunnelStage.Checkout);

        // Ordered funnel: 4 reached cart, 2 checkout; s2 and s3 both ended on their add_to_cart.
        Assert.Equal(2, report.Lost);
        var exit = Assert.Single(report.LastEvents);
        Assert.Equal(("add_to_cart", 2L, 1.0), (exit.EventName, exit.Units, exit.Share.Value));
    }

    [Fact]
    public async Task Lost_sessions_equal_the_funnel_drop_off_at_every_stage()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var funnel = await store.Analytics.FunnelAsync(store.Query);

        var lost = new List<long>();
        for (var stage = FunnelStage.Product; stage <= FunnelStage.Purchase; stage++)
        {
            lost.Add((await store.Analytics.DropOffAsync(store.Query, stage)).Lost);
        }

        Assert.Equal([1, 1, 2, 0], lost);
        Assert.Equal(funnel.Total.Stages.Skip(1).Select(s => s.DropOff), lost.Select(n => (long?)n));
    }

    [Fact]
    public async Task A_purchase_without_product_view_is_where_the_product_drop_went()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query, FunnelStage.Product);

        Assert.Equal("purchase", Assert.Single(report.LastEvents).EventName);
    }

    [Fact]
    public async Task Open_mode_counts_sessions_with_the_stage_before_and_without_this_one_most_common_exit_first()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query with { Mode = FunnelMode.Open }, FunnelStage.Checkout);

        Assert.Equal(3, report.Lost);
        Assert.Equal([("add_to_cart", 2L), ("view_item", 1L)], report.LastEvents.Select(e => (e.EventName, e.Units)));
        Assert.Equal(2.0 / 3, report.LastEvents[0].Share.Value, 12);
    }

    [Fact]
    public async Task Filters_match_like_the_funnel_and_an_unknown_value_selects_nothing()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);

        var mobile = await store.Analytics.DropOffAsync(store.Query with { Device = " MOBILE ", Channel = "seo" }, FunnelStage.Checkout);
        var tablet = await store.Analytics.DropOffAsync(store.Query with { Device = "tablet" }, FunnelStage.Checkout);

        Assert.Equal(1, mobile.Lost);
        Assert.Equal(0, tablet.Lost);
        Assert.Empty(tablet.LastEvents);
    }

    [Fact]
    public async Task Date_range_keeps_the_sessions_that_started_in_it()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query with { From = new(2024, 3, 5), To = new(2024, 3, 12) }, FunnelStage.Cart);

        Assert.Equal(("view_item", 1L), (report.LastEvents[0].EventName, report.Lost));
    }

    // Four visitors, their sessions a day apart (within the 7-day window):
    //   v1: a1 lands and views; a2 lands and leaves on a page_view      visitor depth product; sessions product, landing
    //   v2: b1 lands and views; b2 lands and adds to cart               visitor depth cart (product, then cart); sessions product, landing
    //   v3: c1 lands, views, adds, checks out, buys                      depth purchase
    //   v4: d1 lands and views                                           depth product
    // Lost before cart: visitors v1 (last event page_view, a2's) and v4 (view_item); sessions a1, b1, d1 (all view_item).
    // Lost before checkout: visitor v2 (add_to_cart); no session (b2 never reached product, so it was lost before product).
    private const string Visitors = """
        2024-03-04T10:00:00Z,session_start,a1,v1,,,,,mobile,ads,US,
        2024-03-04T10:01:00Z,view_item,a1,v1,p1,10,,,mobile,ads,US,
        2024-03-05T10:00:00Z,session_start,a2,v1,,,,,mobile,ads,US,
        2024-03-05T10:01:00Z,page_view,a2,v1,,,,,mobile,ads,US,
        2024-03-04T11:00:00Z,session_start,b1,v2,,,,,desktop,ads,US,
        2024-03-04T11:01:00Z,view_item,b1,v2,p2,10,,,desktop,ads,US,
        2024-03-05T11:00:00Z,session_start,b2,v2,,,,,desktop,ads,US,
        2024-03-05T11:01:00Z,add_to_cart,b2,v2,p2,10,1,,desktop,ads,US,
        2024-03-04T12:00:00Z,session_start,c1,v3,,,,,desktop,ads,US,
        2024-03-04T12:01:00Z,view_item,c1,v3,p3,10,,,desktop,ads,US,
        2024-03-04T12:02:00Z,add_to_cart,c1,v3,p3,10,1,,desktop,ads,US,
        2024-03-04T12:03:00Z,begin_checkout,c1,v3,,,,,desktop,ads,US,
        2024-03-04T12:04:00Z,purchase,c1,v3,p3,10,1,o3,desktop,ads,US,
        2024-03-04T13:00:00Z,session_start,d1,v4,,,,,mobile,ads,US,
        2024-03-04T13:01:00Z,view_item,d1,v4,p4,10,,,mobile,ads,US,
        """;

    [Fact]
    public async Task In_visitor_scope_the_lost_are_visitors_counted_as_the_funnel_counts_them_by_their_last_sessions_last_event()
    {
        await using var store = await AnalyticsStore.CreateAsync(Visitors);
        var visitors = store.Query with { Scope = FunnelScope.Visitor };

        var cart = await store.Analytics.DropOffAsync(visitors, FunnelStage.Cart);
        var checkout = await store.Analytics.DropOffAsync(visitors, FunnelStage.Checkout);
        var sessionCart = await store.Analytics.DropOffAsync(store.Query, FunnelStage.Cart);
        var sessionCheckout = await store.Analytics.DropOffAsync(store.Query, FunnelStage.Checkout);

        Assert.Equal(2, cart.Lost);
        Assert.Equal([("page_view", 1L), ("view_item", 1L)], cart.LastEvents.Select(e => (e.EventName, e.Units)));
        Assert.Equal([("add_to_cart", 1L)], checkout.LastEvents.Select(e => (e.EventName, e.Units)));
        Assert.Equal([("view_item", 3L)], sessionCart.LastEvents.Select(e => (e.EventName, e.Units)));
        Assert.Equal(0, sessionCheckout.Lost);
    }

    [Fact]
    public async Task In_visitor_scope_the_lost_equal_the_visitor_funnels_drop_off_at_every_stage_and_the_window_counts()
    {
        await using var store = await AnalyticsStore.CreateAsync(Visitors);
        var visitors = store.Query with { Scope = FunnelScope.Visitor };
        var funnel = await store.Analytics.FunnelAsync(visitors);

        var lost = new List<long>();
        for (var stage = FunnelStage.Product; stage <= FunnelStage.Purchase; stage++)
        {
            lost.Add((await store.Analytics.DropOffAsync(visitors, stage)).Lost);
        }

        Assert.Equal([0, 2, 1, 0], lost);
        Assert.Equal(funnel.Total.Stages.Skip(1).Select(s => s.DropOff), lost.Select(n => (long?)n));
        // A 12-hour window leaves out v2's second day: v2 then stops at its product view too.
        var shortWindow = await store.Analytics.DropOffAsync(visitors with { WindowHours = 12 }, FunnelStage.Cart);
        Assert.Equal(3, shortWindow.Lost);
    }

    [Fact]
    public async Task Store_dimensions_list_each_value_once_sorted()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);

        var dimensions = await store.Analytics.DimensionsAsync(store.StoreId);

        Assert.Equal(["desktop", "mobile"], dimensions.Devices);
        Assert.Equal(["ads", "email", "seo"], dimensions.Of(FunnelDimension.Channel));
        Assert.Equal(["DE", "FR", "US"], dimensions.Countries);
    }
}
