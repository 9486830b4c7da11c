namespace FunnelInsight.Tests.Core.Analytics;

public class FunnelAnalyticsTests : EventEngineTests
{
    // s1 full path; s2 stops at cart; s3 starts on a product page (no landing event); s4 buys with no cart event;
    // s5 is written out of file order; s6 has cart and product at the same time, cart first in the file.
    internal const string SixSessions = """
        2024-03-04T10:00:00Z,session_start,s1,,,,,,desktop,seo,US,
        2024-03-04T10:01:00Z,view_item,s1,,p1,,,,desktop,seo,US,
        2024-03-04T10:02:00Z,add_to_cart,s1,,p1,20,2,,desktop,seo,US,
        2024-03-04T10:15:00Z,begin_checkout,s1,,,,,,desktop,seo,US,
        2024-03-04T10:20:00Z,purchase,s1,,p1,20,2,o1,desktop,seo,US,
        2024-03-04T11:00:00Z,session_start,s2,,,,,,mobile,ads,DE,
        2024-03-04T11:01:00Z,view_item,s2,,p2,,,,mobile,ads,DE,
        2024-03-04T11:02:00Z,add_to_cart,s2,,p2,15,,,mobile,ads,DE,
        2024-03-05T09:00:00Z,view_item,s3,,p3,,,,mobile,seo,DE,
        2024-03-05T09:01:00Z,add_to_cart,s3,,p3,30,1,,mobile,seo,DE,
        2024-03-05T12:00:00Z,session_start,s4,,,,,,desktop,email,US,
        2024-03-05T12:03:00Z,purchase,s4,,p4,50,1,o4,desktop,email,US,
        2024-03-11T10:05:00Z,purchase,s5,,p5,10,1,o5,mobile,ads,US,
        2024-03-11T10:03:00Z,begin_checkout,s5,,,,,,mobile,ads,US,
        2024-03-11T10:02:00Z,add_to_cart,s5,,p5,10,1,,mobile,ads,US,
        2024-03-11T10:01:00Z,view_item,s5,,p5,,,,mobile,ads,US,
        2024-03-11T10:00:00Z,session_start,s5,,,,,,mobile,ads,US,
        2024-03-12T09:00:00Z,session_start,s6,,,,,,desktop,seo,FR,
        2024-03-12T09:05:00Z,add_to_cart,s6,,p6,5,1,,desktop,seo,FR,
        2024-03-12T09:05:00Z,view_item,s6,,p6,,,,desktop,seo,FR,
        """;

    private static long?[] Reached(FunnelInsight.Core.Analytics.Funnel.FunnelSegment segment) =>
        segment.Stages.Select(s => s.Reached).ToArray();

    [ProviderFact]
    public async Task Ordered_funnel_counts_each_session_at_the_stages_it_reached_in_order()
    {
        await using var store = await StoreAsync(SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query);

        Assert.Equal([6, 5, 4, 2, 2], Reached(report.Total));
        Assert.Equal(5.0 / 6, report.Total[FunnelStage.Product].StepConversion.Value, 12);
        Assert.Equal(1, report.Total[FunnelStage.Product].DropOff);
        Assert.Equal(2, report.Total[FunnelStage.Checkout].DropOff);
        Assert.Equal(0.5, report.Total[FunnelStage.Checkout].DropRate.Value);
        Assert.Equal(2.0 / 6, report.Total.OverallConversion.Value, 12);
        Assert.Equal(0.5, report.Total.CartAbandonment.Value);
        Assert.Equal(0, report.Total.CheckoutAbandonment.Value);
    }

    [ProviderFact]
    public async Task Open_funnel_counts_a_purchase_without_cart_and_a_cart_before_its_product_view()
    {
        await using var store = await StoreAsync(SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query with { Mode = FunnelMode.Open });

        Assert.Equal([6, 5, 5, 2, 3], Reached(report.Total));
        Assert.Equal(0.5, report.Total.OverallConversion.Value);
        Assert.Equal(3.0 / 5, report.Total.CartAbandonment.Value, 12);
        Assert.Equal(-1, report.Total[FunnelStage.Purchase].DropOff);
    }

    [ProviderFact]
    public async Task Every_rate_carries_its_count_and_a_95_percent_wilson_interval()
    {
        await using var store = await StoreAsync(SixSessions);
        var overall = (await store.Analytics.FunnelAsync(store.Query)).Total.OverallConversion;

        Assert.Equal((2, 6), (overall.Count, overall.Total));
        Assert.Equal(0.096771, overall.Low, 6);
        Assert.Equal(0.700007, overall.High, 6);
    }

    [ProviderFact]
    public async Task Breakdown_by_device_splits_the_sessions_and_sums_to_the_total()
    {
        await using var store = await StoreAsync(SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query with { Breakdown = FunnelDimension.Device });

        Assert.Equal(["desktop", "mobile"], report.Breakdown.Select(b => b.Label));
        Assert.Equal([3, 2, 1, 1, 1], Reached(report.Breakdown[0]));
        Assert.Equal([3, 3, 3, 1, 1], Reached(report.Breakdown[1]));
    }

    [ProviderFact]
    public async Task Filters_are_case_insensitive_and_the_date_range_includes_the_last_day()
    {
        await using var store = await StoreAsync(SixSessions);
        var mobileUs = await store.Analytics.FunnelAsync(store.Query with { Device = "MOBILE", Country = "us" });
        var firstWeek = await store.Analytics.FunnelAsync(store.Query with { From = new DateOnly(2024, 3, 5), To = new DateOnly(2024, 3, 11) });

        Assert.Equal([1, 1, 1, 1, 1], Reached(mobileUs.Total));
        Assert.Equal([3, 2, 2, 1, 1], Reached(firstWeek.Total));
    }

    [ProviderFact]
    public async Task Weekly_trend_groups_sessions_by_the_monday_of_their_week()
    {
        await using var store = await StoreAsync(SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query with { Trend = TrendGranularity.Weekly });

        Assert.Equal([new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 11)], report.Trend.Select(t => t.PeriodStart));
        Assert.Equal([4, 3, 3, 1, 1], Reached(report.Trend[0].Funnel));
        Assert.Equal(0.5, report.Trend[1].Funnel.OverallConversion.Value);
    }

    [ProviderFact]
    public async Task Daily_trend_has_one_point_per_day_with_sessions()
    {
        await using var store = await StoreAsync(SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query with { Trend = TrendGranularity.Daily });

        Assert.Equal(["2024-03-04", "2024-03-05", "2024-03-11", "2024-03-12"], report.Trend.Select(t => t.Funnel.Label));
        Assert.Equal([2, 2, 2, 1, 1], Reached(report.Trend[0].Funnel));
    }

    [ProviderFact]
    public async Task Time_to_convert_takes_the_median_and_nearest_rank_p90_of_purchasing_sessions()
    {
        await using var store = await StoreAsync(SixSessions);
        var time = (await store.Analytics.FunnelAsync(store.Query)).TimeToConvert;

        Assert.Equal(2, time.Purchases);
        Assert.Equal(750, time.MedianLandingToPurchaseSeconds);
        Assert.Equal(1200, time.P90LandingToPurchaseSeconds);
        Assert.Equal(210, time.MedianCheckoutToPurchaseSeconds);
        Assert.Equal(300, time.P90CheckoutToPurchaseSeconds);
    }

    [ProviderFact]
    public async Task An_empty_store_tracks_only_landing_and_has_no_rates()
    {
        await using var store = await StoreAsync(null);
        var report = await store.Analytics.FunnelAsync(store.Query with { Breakdown = FunnelDimension.Channel, Trend = TrendGranularity.Daily });

        Assert.Equal([0, null, null, null, null], Reached(report.Total));
        Assert.False(report.Total.OverallConversion.HasData);
        Assert.Empty(report.Breakdown);
        Assert.Empty(report.Trend);
        Assert.Null(report.TimeToConvert.MedianLandingToPurchaseSeconds);
    }

    [ProviderFact]
    public async Task A_single_session_store_without_purchases_counts_its_stages_and_no_conversion()
    {
        await using var store = await StoreAsync("""
            2024-03-04T10:00:00Z,landing,only,,,,,,,,,
            2024-03-04T10:01:00Z,product_view,only,,,,,,,,,
            """);
        var report = await store.Analytics.FunnelAsync(store.Query with { Breakdown = FunnelDimension.Country });

        // Only landing and product are tracked: the rest has no count, and without purchases no conversion.
        Assert.Equal([1, 1, null, null, null], Reached(report.Total));
        Assert.Equal("(not set)", Assert.Single(report.Breakdown).Label);
        Assert.False(report.Total.OverallConversion.HasData);
    }

    [ProviderFact]
    public async Task A_purchase_after_add_payment_info_without_begin_checkout_reaches_checkout_and_purchase()
    {
        // s1 pays without begin_checkout and buys; s2 leaves after its shipping step; s3 logs in after the cart,
        // which reaches nothing. Checkout: s1 and s2 (2 of 3 carts); purchase: s1 (1 of 2 checkouts).
        await using var store = await StoreAsync("""
            2024-03-04T10:00:00Z,session_start,s1,,,,,,,,,
            2024-03-04T10:01:00Z,view_item,s1,,,,,,,,,
            2024-03-04T10:02:00Z,add_to_cart,s1,,p,30,,,,,,
            2024-03-04T10:03:00Z,add_payment_info,s1,,,,,,,,,
            2024-03-04T10:04:00Z,purchase,s1,,p,30,,o1,,,,
            2024-03-04T11:00:00Z,session_start,s2,,,,,,,,,
            2024-03-04T11:01:00Z,view_item,s2,,,,,,,,,
            2024-03-04T11:02:00Z,add_to_cart,s2,,p,20,,,,,,
            2024-03-04T11:03:00Z,add_shipping_info,s2,,,,,,,,,
            2024-03-04T12:00:00Z,session_start,s3,,,,,,,,,
            2024-03-04T12:01:00Z,view_item,s3,,,,,,,,,
            2024-03-04T12:02:00Z,add_to_cart,s3,,p,10,,,,,,
            2024-03-04T12:03:00Z,login,s3,,,,,,,,,
            """);
        var report = await store.Analytics.FunnelAsync(store.Query);
        var leaks = await store.Analytics.LeaksAsync(store.Query);

        Assert.Equal([3, 3, 3, 2, 1], Reached(report.Total));
        Assert.Equal(60, report.TimeToConvert.MedianCheckoutToPurchaseSeconds);
        Assert.Equal((1, 1), (leaks.BySessionsLost.Single(l => l.Key == "checkout_shipping").Reached, leaks.BySessionsLost.Single(l => l.Key == "checkout_shipping").Lost));
        Assert.Equal(1, leaks.BySessionsLost.Single(l => l.Key == "checkout_payment").Reached);
        Assert.Equal(1, leaks.BySessionsLost.Single(l => l.Key == "cart_to_checkout").Lost);
    }

    internal const string MobileSpellings = """
        2024-03-04T10:00:00Z,session_start,a,,,,,,mobile,,,
        2024-03-04T10:01:00Z,view_item,a,,,,,,mobile,,,
        2024-03-04T11:00:00Z,session_start,b,,,,,,mobile,,,
        2024-03-04T12:00:00Z,session_start,c,,,,,,mobile,,,
        2024-03-04T13:00:00Z,session_start,d,,,,,,Mobile,,,
        2024-03-04T13:01:00Z,view_item,d,,,,,,Mobile,,,
        2024-03-04T14:00:00Z,session_start,e,,,,,,Mobile,,,
        2024-03-04T15:00:00Z,session_start,f,,,,,,desktop,,,
        """;

    [ProviderFact]
    public async Task Mobile_and_mobile_are_one_breakdown_row_in_the_most_frequent_spelling_with_the_filters_count()
    {
        // Three sessions say mobile, two Mobile: one row "mobile" of 5 sessions, 2 of them on a product page.
        await using var store = await StoreAsync(MobileSpellings);
        var byDevice = await store.Analytics.FunnelAsync(store.Query with { Breakdown = FunnelDimension.Device });
        var filtered = await store.Analytics.FunnelAsync(store.Query with { Device = "MOBILE" });
        var dimensions = await store.Analytics.DimensionsAsync(store.StoreId);

        Assert.Equal([("mobile", 5L, (long?)2), ("desktop", 1L, 0)], byDevice.Breakdown.Select(b => (b.Label, b.Landed, b.Stages[1].Reached)));
        Assert.Equal(5, filtered.Total.Landed);
        Assert.Equal(["desktop", "mobile"], dimensions.Devices);
    }
}

/// <summary>The same hand-computed fixtures on ClickHouse.</summary>
public sealed class FunnelAnalyticsOnPostgresAndClickHouseTests : FunnelAnalyticsTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();
}

/// <summary>The same hand-computed fixtures on ClickHouse with the events sharded over two shards.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class FunnelAnalyticsOnPostgresAndTwoClickHouseShardsTests : FunnelAnalyticsTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine();
}
