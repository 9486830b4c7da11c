namespace FunnelInsight.Tests.Core.Analytics.Funnel.Defined;

/// <summary>User-defined funnels over hand-computed stores (on the DuckDB engine, which counts them over the raw events).</summary>
public class DefinedFunnelTests : EventEngineTests
{
    private static async Task<long?[]> ReachedAsync(AnalyticsStore store, string steps, FunnelQuery? query = null)
    {
        var report = await store.Analytics.FunnelAsync((query ?? store.Query) with { Steps = FunnelDefinition.Parse(steps).Definition });
        return report.Total.Stages.Select(s => s.Reached).ToArray();
    }

    [ProviderFact]
    public async Task Events_at_the_same_time_count_in_file_order()
    {
        // At 10:01 the file has the cart (line 3) before the product view (line 4).
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,session_start,a,v1,,,,,,,,
            2024-03-01T10:01:00Z,add_to_cart,a,v1,,,,,,,,
            2024-03-01T10:01:00Z,view_item,a,v1,,,,,,,,
            """);

        Assert.Equal([1, 0], await ReachedAsync(store, "view_item,add_to_cart"));
        Assert.Equal([1, 1], await ReachedAsync(store, "add_to_cart,view_item"));
    }

    [ProviderFact]
    public async Task An_event_exactly_at_the_window_counts_and_one_a_second_later_does_not()
    {
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,view_item_list,b,v1,,,,,,,,
            2024-03-01T10:30:00Z,view_item,b,v1,,,,,,,,
            2024-03-01T11:00:00Z,add_to_cart,b,v1,,,,,,,,
            2024-03-01T11:00:01Z,purchase,b,v1,,,,,,,,
            """);
        const string steps = "view_item_list,view_item,add_to_cart,purchase";

        Assert.Equal([1, 1, 1, 0], await ReachedAsync(store, steps, store.Query with { WindowHours = 1 }));
        Assert.Equal([1, 1, 1, 1], await ReachedAsync(store, steps));
    }

    [ProviderFact]
    public async Task Visitor_scope_joins_a_visitors_sessions_within_the_window_from_the_first_landing()
    {
        // v1 views on day 1 and carts on day 2 in another session; v2 only carts.
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,view_item,s1,v1,,,,,,,,
            2024-03-02T09:00:00Z,add_to_cart,s2,v1,,,,,,,,
            2024-03-01T12:00:00Z,add_to_cart,s3,v2,,,,,,,,
            """);

        Assert.Equal([1, 0], await ReachedAsync(store, "view_item,add_to_cart"));
        Assert.Equal([1, 1], await ReachedAsync(store, "view_item,add_to_cart", store.Query with { Scope = FunnelScope.Visitor }));
        Assert.Equal([1, 0], await ReachedAsync(store, "view_item,add_to_cart", store.Query with { Scope = FunnelScope.Visitor, WindowHours = 12 }));
    }

    [ProviderFact]
    public async Task A_set_step_is_reached_by_any_of_its_names_in_any_case()
    {
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,view_item,c,v1,,,,,,,,
            2024-03-01T10:01:00Z,View_Cart,c,v1,,,,,,,,
            2024-03-01T11:00:00Z,view_item,d,v2,,,,,,,,
            2024-03-01T11:01:00Z,add_to_cart,d,v2,,,,,,,,
            2024-03-01T12:00:00Z,view_item,e,v3,,,,,,,,
            2024-03-01T12:01:00Z,remove_from_cart,e,v3,,,,,,,,
            """);

        Assert.Equal([3, 2], await ReachedAsync(store, "view_item,add_to_cart|view_cart"));
        Assert.Equal([3, 1], await ReachedAsync(store, "view_item,add_to_cart"));
    }

    [ProviderFact]
    public async Task A_product_narrowing_waits_for_that_products_event()
    {
        // f views 7, carts, views 42, carts again; g views 42 only; h views 7 and carts.
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,view_item,f,v1,7,,,,,,,
            2024-03-01T10:01:00Z,add_to_cart,f,v1,7,,,,,,,
            2024-03-01T10:02:00Z,view_item,f,v1,42,,,,,,,
            2024-03-01T10:03:00Z,add_to_cart,f,v1,42,,,,,,,
            2024-03-01T11:00:00Z,view_item,g,v2,42,,,,,,,
            2024-03-01T12:00:00Z,view_item,h,v3,7,,,,,,,
            2024-03-01T12:01:00Z,add_to_cart,h,v3,7,,,,,,,
            """);

        Assert.Equal([2, 1], await ReachedAsync(store, "view_item[product=42],add_to_cart"));
        Assert.Equal([3, 2], await ReachedAsync(store, "view_item,add_to_cart"));
    }

    [ProviderFact]
    public async Task A_stage_step_follows_the_stores_stage_map_and_the_landing_event_also_counts_for_its_stage()
    {
        // i starts on a product page (it lands and reaches product); j lands, then carts with RetailRocket's name (no product first).
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,view_item,i,v1,,,,,,,,
            2024-03-01T11:00:00Z,session_start,j,v2,,,,,,,,
            2024-03-01T11:01:00Z,addtocart,j,v2,,,,,,,,
            """);

        Assert.Equal([2, 1, 0], await ReachedAsync(store, "stage:landing,stage:product,stage:cart"));
        Assert.Equal([2, 1], await ReachedAsync(store, "stage:landing,stage:cart"));
    }

    [ProviderFact]
    public async Task Steps_carry_conversions_and_their_written_names_and_an_untracked_stage_is_passed_over()
    {
        await using var store = await StoreAsync("""
            2024-03-01T10:00:00Z,view_item,k,v1,,,,,,,,
            2024-03-01T10:01:00Z,purchase,k,v1,,,,,,,,
            2024-03-01T11:00:00Z,view_item,l,v2,,,,,,,,
            """);
        var report = await store.Analytics.FunnelAsync(store.Query with { Steps = FunnelDefinition.Parse("view_item,stage:checkout,purchase").Definition });

        Assert.Equal([2, null, 1], report.Total.Stages.Select(s => s.Reached));
        Assert.Equal(["view_item", "stage:checkout", "purchase"], report.Total.Stages.Select(s => s.Name));
        Assert.False(report.Total.Stages[1].Tracked);
        Assert.Equal((1, 2), (report.Total.Stages[2].StepConversion.Count, report.Total.Stages[2].StepConversion.Total));
        Assert.Equal(0.5, report.Total.OverallConversion.Value);
    }
}

/// <summary>The same hand-computed fixtures on ClickHouse.</summary>
public sealed class DefinedFunnelOnPostgresAndClickHouseTests : DefinedFunnelTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();
}

/// <summary>The same hand-computed fixtures on ClickHouse with the events sharded over two shards.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class DefinedFunnelOnPostgresAndTwoClickHouseShardsTests : DefinedFunnelTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine();
}

/// <summary>The same on ClickHouse counting every funnel in slices of about 2 events, so each fixture's units spread over several.</summary>
public sealed class DefinedFunnelOnPostgresAndClickHouseInSlicesTests : DefinedFunnelTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine() with { ClickHouseFunnelSlice = 2 };
}

/// <summary>The same on two ClickHouse shards, each shard counting every slice of its units.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class DefinedFunnelOnPostgresAndTwoClickHouseShardsInSlicesTests : DefinedFunnelTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine() with { ClickHouseFunnelSlice = 2 };
}
