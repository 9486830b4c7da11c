using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Domain;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Analytics.DropOff;

public class DropOffReaderTests
{
    [Fact]
    public async Task Sessions_lost_before_checkout_are_counted_by_their_last_event()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query, FunnelStage.Checkout);

        // Ordered funnel: 4 reached cart, 2 checkout; s2 and s3 both ended on their add_to_cart.
        Assert.Equal(2, report.Lost);
        var exit = Assert.Single(report.LastEvents);
        Assert.Equal(("add_to_cart", 2L, 1.0), (exit.EventName, exit.Sessions, exit.Share.Value));
    }

    [Fact]
    public async Task Lost_sessions_equal_the_funnel_drop_off_at_every_stage()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);
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
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query, FunnelStage.Product);

        Assert.Equal("purchase", Assert.Single(report.LastEvents).EventName);
    }

    [Fact]
    public async Task Open_mode_counts_sessions_with_the_stage_before_and_without_this_one_most_common_exit_first()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query with { Mode = FunnelMode.Open }, FunnelStage.Checkout);

        Assert.Equal(3, report.Lost);
        Assert.Equal([("add_to_cart", 2L), ("view_item", 1L)], report.LastEvents.Select(e => (e.EventName, e.Sessions)));
        Assert.Equal(2.0 / 3, report.LastEvents[0].Share.Value, 12);
    }

    [Fact]
    public async Task Filters_match_like_the_funnel_and_an_unknown_value_selects_nothing()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);

        var mobile = await store.Analytics.DropOffAsync(store.Query with { Device = " MOBILE ", Channel = "seo" }, FunnelStage.Checkout);
        var tablet = await store.Analytics.DropOffAsync(store.Query with { Device = "tablet" }, FunnelStage.Checkout);

        Assert.Equal(1, mobile.Lost);
        Assert.Equal(0, tablet.Lost);
        Assert.Empty(tablet.LastEvents);
    }

    [Fact]
    public async Task Date_range_keeps_the_sessions_that_started_in_it()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);

        var report = await store.Analytics.DropOffAsync(store.Query with { From = new(2024, 3, 5), To = new(2024, 3, 12) }, FunnelStage.Cart);

        Assert.Equal(("view_item", 1L), (report.LastEvents[0].EventName, report.Lost));
    }

    [Fact]
    public async Task Store_dimensions_list_each_value_once_sorted()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);

        var dimensions = await store.Analytics.DimensionsAsync(store.StoreId);

        Assert.Equal(["desktop", "mobile"], dimensions.Devices);
        Assert.Equal(["ads", "email", "seo"], dimensions.Of(FunnelDimension.Channel));
        Assert.Equal(["DE", "FR", "US"], dimensions.Countries);
    }
}
