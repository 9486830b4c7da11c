using FunnelInsight.Core.Analytics.Customers;

namespace FunnelInsight.Tests.Core.Stores;

/// <summary>
/// A store in Los Angeles (UTC−7 in summer). o2 (c2, 22:30 on 31 May there) is a June order in UTC; o4 (c3, 20:00 on
/// 30 June there) is a July order in UTC. Totals are powers of two so that each sum names its orders.
/// </summary>
public sealed class StoreTimeZoneTests
{
    private const string Orders = """
        o1,c1,,2023-05-10T18:00:00Z,,,,,10,USD,paid,
        o2,c2,,2023-05-31T22:30:00-07:00,,,,,20,USD,paid,
        o3,c1,,2023-06-15T12:00:00Z,,,,,40,USD,paid,
        o4,c3,,2023-07-01T03:00:00Z,,,,,80,USD,paid,
        o5,c1,,2023-07-20T12:00:00Z,,,,,160,USD,paid,
        o6,c2,,2023-08-01T12:00:00Z,,,,,320,USD,paid,
        """;

    // s1 starts on 30 May in Los Angeles (31 May UTC), s2 on 31 May there (1 June UTC), s3 on 1 June in both.
    private const string Events = """
        2023-05-31T05:00:00Z,view_item,s1,v1,p1,10,1,,mobile,ads,US,
        2023-06-01T05:30:00Z,view_item,s2,v2,p1,10,1,,mobile,ads,US,
        2023-06-01T05:31:00Z,add_to_cart,s2,v2,p1,10,1,,mobile,ads,US,
        2023-06-01T12:00:00Z,view_item,s3,v3,p1,10,1,,mobile,ads,US,
        """;

    [Fact]
    public async Task Months_and_churn_follow_the_stores_time_zone()
    {
        await using var store = await AnalyticsStore.CreateAsync(null, Orders);
        var utc = await store.Analytics.CustomersAsync(new(store.StoreId));

        await SetZoneAsync(store, "America/Los_Angeles");
        var local = await store.Analytics.CustomersAsync(new(store.StoreId));

        // UTC: May {c1}, June {c2, c1}, July {c3, c1}, August {c2}: June churns 0 of 1, July 1 (c2) of 2.
        Assert.Equal(["2023-05", "2023-06", "2023-07", "2023-08"], utc.Periods.Select(p => p.Period));
        Assert.Equal([(1L, 0L), (2L, 1L)], utc.Periods.Skip(1).Take(2).Select(p => (p.ActiveAtStart, p.Churned)));
        Assert.Equal([0.0, 0.5], utc.Periods.Skip(1).Take(2).Select(p => p.ChurnRate.Value));

        // Los Angeles: May {c1, c2}, June {c1, c3}, July {c1}, August {c2}: June churns c2 of 2, July c3 of 2.
        Assert.Equal([(2L, 1L), (2L, 1L)], local.Periods.Skip(1).Take(2).Select(p => (p.ActiveAtStart, p.Churned)));
        Assert.Equal([0.5, 0.5], local.Periods.Skip(1).Take(2).Select(p => p.ChurnRate.Value));
        Assert.Equal([2L, 1L], local.Cohorts.Select(c => c.Customers));

        // May (from the 10th) and August (the 1st only) are partial: no rate, in either zone.
        Assert.All([utc.Periods[0], utc.Periods[3], local.Periods[0], local.Periods[3]], p => Assert.False(p.ChurnRate.HasData));
        Assert.True(local.Periods[3].Partial);
    }

    [Fact]
    public async Task A_date_range_is_the_stores_days()
    {
        await using var store = await AnalyticsStore.CreateAsync(null, Orders);
        var june = new CustomerQuery(store.StoreId) { From = new(2023, 6, 1), To = new(2023, 6, 30) };
        var utc = await store.Analytics.CustomersAsync(june);

        await SetZoneAsync(store, "America/Los_Angeles");
        var local = await store.Analytics.CustomersAsync(june);

        // UTC June holds o2 and o3 (20 + 40); Los Angeles June holds o3 and o4 (40 + 80).
        Assert.Equal((2L, 60.0), (utc.Orders, utc.Revenue));
        Assert.Equal((2L, 120.0), (local.Orders, local.Revenue));
    }

    [Fact]
    public async Task Sessions_are_selected_and_bucketed_by_the_stores_days()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);
        var lastOfMay = store.Query with { From = new(2023, 5, 31), To = new(2023, 5, 31) };
        var daily = store.Query with { Trend = TrendGranularity.Daily };
        var utcDay = await store.Analytics.FunnelAsync(lastOfMay);
        var utcTrend = await store.Analytics.FunnelAsync(daily);

        await SetZoneAsync(store, "America/Los_Angeles");
        var localDay = await store.Analytics.FunnelAsync(lastOfMay);
        var localTrend = await store.Analytics.FunnelAsync(daily);

        // 31 May is s1 in UTC and s2 (which reached the cart) in Los Angeles.
        Assert.Equal((1L, 0L), (utcDay.Total.Landed, utcDay.Total[FunnelStage.Cart].Reached));
        Assert.Equal((1L, 1L), (localDay.Total.Landed, localDay.Total[FunnelStage.Cart].Reached));
        Assert.Equal([(new DateOnly(2023, 5, 31), 1L), (new DateOnly(2023, 6, 1), 2L)], utcTrend.Trend.Select(t => (t.PeriodStart, t.Funnel.Landed)));
        Assert.Equal([(new DateOnly(2023, 5, 30), 1L), (new DateOnly(2023, 5, 31), 1L), (new DateOnly(2023, 6, 1), 1L)],
            localTrend.Trend.Select(t => (t.PeriodStart, t.Funnel.Landed)));
    }

    [Fact]
    public async Task The_offsets_of_the_first_order_export_offer_the_zones_that_agree_with_them()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        await store.ImportAsync(FunnelInsight.Core.Import.ImportKind.Orders, "orders.csv", """
            order_id,created_at,total
            1,2024-01-15 10:00:00 -0800,10
            2,2024-07-15 10:00:00 -0700,20
            """);

        var offered = await new StoreSettingsService(store.Temp.Database).OfferedTimeZonesAsync(store.StoreId);

        // −8 in January and −7 in July: Pacific time, not Phoenix (−7 all year) nor Denver (−7 in January).
        Assert.Contains("America/Los_Angeles", offered);
        Assert.DoesNotContain("America/Phoenix", offered);
        Assert.DoesNotContain("America/Denver", offered);
    }

    [Fact]
    public async Task A_time_zone_that_is_not_an_iana_name_is_rejected()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        var settings = new StoreSettingsService(store.Temp.Database);

        var result = await settings.SaveAsync(store.StoreId, (await settings.GetAsync(store.StoreId))! with { TimeZone = "Mars/Olympus_Mons" });

        Assert.Equal([StoreSettingsField.TimeZone], result.Errors.Select(e => e.Field));
        Assert.Equal("UTC", (await settings.GetAsync(store.StoreId))!.TimeZone);
    }

    private static async Task SetZoneAsync(AnalyticsStore store, string zone)
    {
        var settings = new StoreSettingsService(store.Temp.Database);
        var result = await settings.SaveAsync(store.StoreId, (await settings.GetAsync(store.StoreId))! with { TimeZone = zone });
        Assert.True(result.Saved);
        Assert.False(result.RollupsRebuilt);
    }
}
