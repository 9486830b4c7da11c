namespace FunnelInsight.Tests.Core.Analytics;

public class VisitorScopeTests : EventEngineTests
{
    // v1 views on day 1 and buys on day 3 in a session that skips the product page; v2 carts on day 1 and buys on day 10.
    private const string TwoVisitors = """
        2024-03-01T10:00:00Z,session_start,a,v1,,,,,mobile,,,
        2024-03-01T10:01:00Z,view_item,a,v1,,,,,mobile,,,
        2024-03-03T10:00:00Z,session_start,b,v1,,,,,desktop,,,
        2024-03-03T10:01:00Z,add_to_cart,b,v1,,,,,desktop,,,
        2024-03-03T10:02:00Z,begin_checkout,b,v1,,,,,desktop,,,
        2024-03-03T10:03:00Z,purchase,b,v1,,,,,desktop,,,
        2024-03-01T12:00:00Z,session_start,c,v2,,,,,desktop,,,
        2024-03-01T12:01:00Z,view_item,c,v2,,,,,desktop,,,
        2024-03-01T12:02:00Z,add_to_cart,c,v2,,,,,desktop,,,
        2024-03-10T12:00:00Z,begin_checkout,d,v2,,,,,desktop,,,
        2024-03-10T12:01:00Z,purchase,d,v2,,,,,desktop,,,
        """;

    private static async Task<long?[]> ReachedAsync(AnalyticsStore store, FunnelQuery query) =>
        (await store.Analytics.FunnelAsync(query)).Total.Stages.Select(s => s.Reached).ToArray();

    [ProviderFact]
    public async Task Visitor_scope_joins_a_visitors_sessions_within_the_seven_day_window()
    {
        await using var store = await StoreAsync(TwoVisitors);

        var reached1 = await ReachedAsync(store, store.Query);
        Assert.Equal([4, 2, 1, 0, 0], reached1);
        var reached2 = await ReachedAsync(store, store.Query with { Scope = FunnelScope.Visitor });
        Assert.Equal([2, 2, 2, 1, 1], reached2);
    }

    [ProviderFact]
    public async Task A_wider_window_lets_a_later_purchase_count()
    {
        await using var store = await StoreAsync(TwoVisitors);

        var reached3 = await ReachedAsync(store, store.Query with { Scope = FunnelScope.Visitor, WindowHours = 240 });
        Assert.Equal([2, 2, 2, 2, 2], reached3);
    }

    [ProviderFact]
    public async Task Visitor_breakdown_uses_the_first_session_of_the_visitor()
    {
        await using var store = await StoreAsync(TwoVisitors);
        var report = await store.Analytics.FunnelAsync(store.Query with { Scope = FunnelScope.Visitor, Breakdown = FunnelDimension.Device });

        Assert.Equal(["desktop", "mobile"], report.Breakdown.Select(b => b.Label));
        Assert.Equal(1, report.Breakdown[1][FunnelInsight.Core.Domain.FunnelStage.Purchase].Reached);
    }

    [ProviderFact]
    public async Task Visitor_open_funnel_counts_any_stage_inside_the_window()
    {
        await using var store = await StoreAsync(TwoVisitors);

        var reached4 = await ReachedAsync(store, store.Query with { Scope = FunnelScope.Visitor, Mode = FunnelMode.Open });
        Assert.Equal([2, 2, 2, 1, 1], reached4);
    }
}

/// <summary>The same hand-computed fixtures on ClickHouse.</summary>
public sealed class VisitorScopeOnPostgresAndClickHouseTests : VisitorScopeTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();
}

/// <summary>The same hand-computed fixtures on ClickHouse with the events sharded over two shards.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class VisitorScopeOnPostgresAndTwoClickHouseShardsTests : VisitorScopeTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine();
}
