using FunnelInsight.Benchmarks;

namespace FunnelInsight.Tests.Benchmarks;

public class DuckDbFunnelTests
{
    // The engine's edge cases, all in channel paid_search but e (email). a: starts on a product page, buys with no
    // checkout. b: written out of time order, no begin_checkout: its shipping sub-step reaches checkout, then it
    // buys. c: cart and product at the same second, cart first in the file; channel in other case. d: device
    // and channel empty on the first row, checkout with no cart. f: no device, an event name in capitals with
    // spaces. e: another channel.
    private const string EdgeCases = """
        2024-03-04T10:00:00Z,view_item,a,,p1,,,,desktop,paid_search,US,
        2024-03-04T10:01:00Z,add_to_cart,a,,p1,20,1,,desktop,paid_search,US,
        2024-03-04T10:02:00Z,purchase,a,,p1,20,1,o1,desktop,paid_search,US,
        2024-03-04T11:07:00Z,purchase,b,,p2,15,1,o2,mobile,paid_search,DE,
        2024-03-04T11:05:00Z,add_to_cart,b,,p2,15,1,,mobile,paid_search,DE,
        2024-03-04T11:03:00Z,view_item,b,,p2,,,,mobile,paid_search,DE,
        2024-03-04T11:06:00Z,add_shipping_info,b,,,,,,mobile,paid_search,DE,
        2024-03-04T11:00:00Z,session_start,b,,,,,,mobile,paid_search,DE,
        2024-03-05T09:00:00Z,session_start,c,,,,,,mobile,Paid_Search,DE,
        2024-03-05T09:05:00Z,add_to_cart,c,,p3,5,1,,mobile,Paid_Search,DE,
        2024-03-05T09:05:00Z,view_item,c,,p3,,,,mobile,Paid_Search,DE,
        2024-03-06T08:00:00Z,session_start,d,,,,,,,,FR,
        2024-03-06T08:01:00Z,view_item,d,,p4,,,,tablet,paid_search,FR,
        2024-03-06T08:02:00Z,begin_checkout,d,,,,,,desktop,email,FR,
        2024-03-07T08:00:00Z,session_start,e,,,,,,desktop,email,US,
        2024-03-07T08:01:00Z,view_item,e,,p5,,,,desktop,email,US,
        2024-03-08T08:00:00Z,session_start,f,,,,,,,paid_search,US,
        2024-03-08T08:01:00Z, VIEW_ITEM ,f,,p6,,,,,paid_search,US,
        2024-03-08T08:02:00Z,add_to_cart,f,,p6,9,1,,,paid_search,US,
        """;

    [Fact]
    public async Task Duckdb_sql_and_the_engine_agree_with_the_hand_computed_ordered_funnel_on_the_edge_cases()
    {
        await using var store = await AnalyticsStore.CreateAsync(EdgeCases);
        var csv = store.Temp.WriteFile("edge.csv", AnalyticsStore.EventHeader + "\n" + EdgeCases);
        using var duck = new DuckDbFunnel();
        duck.Load(csv);

        var sql = duck.OrderedFunnelByDevice("paid_search");
        var (engine, _) = await new EngineFunnel(store.Temp.Database, store.StoreId).OrderedFunnelByDeviceAsync("paid_search");

        Assert.Equal([1, 1, 1, 0, 0], sql.Rows["desktop"]);
        Assert.Equal([2, 2, 1, 1, 1], sql.Rows["mobile"]);
        Assert.Equal([1, 1, 0, 0, 0], sql.Rows["tablet"]);
        Assert.Equal([1, 1, 1, 0, 0], sql.Rows[StageCounts.NotSet]);
        Assert.Equal(4, sql.Rows.Count);
        Assert.Empty(StageCounts.Differences(sql, engine));
    }

    [Fact]
    public async Task Duckdb_over_its_own_sessions_table_counts_the_edge_cases_as_over_raw_events_and_a_second_file_adds_to_stored_sessions()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var csv = temp.WriteFile("edge.csv", AnalyticsStore.EventHeader + "\n" + EdgeCases);
        // Session a checks out a day later; g is new, on a tablet.
        var more = temp.WriteFile("more.csv", AnalyticsStore.EventHeader + "\n" + """
            2024-03-05T10:00:00Z,begin_checkout,a,,,,,,desktop,paid_search,US,
            2024-03-09T10:00:00Z,view_item,g,,p7,,,,tablet,paid_search,US,
            """);
        using var duck = new DuckDbFunnel();
        duck.Load(csv);
        duck.BuildSessions();

        var sessions = duck.SessionsFunnelByDevice("paid_search");
        var raw = duck.OrderedFunnelByDevice("paid_search");
        duck.Append(more);
        var after = duck.OrderedFunnelByDevice("paid_search");

        Assert.Empty(StageCounts.Differences(raw, sessions));
        Assert.Equal([1, 1, 1, 0, 0], sessions.Rows["desktop"]);
        Assert.Equal([2, 2, 1, 1, 1], sessions.Rows["mobile"]);
        Assert.Equal([1, 1, 0, 0, 0], sessions.Rows["tablet"]);
        Assert.Equal([1, 1, 1, 0, 0], sessions.Rows[StageCounts.NotSet]);
        // a: view_item, add_to_cart, purchase, then the next day begin_checkout: checkout reached, the purchase was before it.
        Assert.Equal([1, 1, 1, 1, 0], after.Rows["desktop"]);
        Assert.Equal([2, 2, 0, 0, 0], after.Rows["tablet"]);
        Assert.Equal(21, duck.RowCount());
    }

    [Fact]
    public async Task Duckdb_sql_and_the_engine_agree_on_every_device_for_100000_generated_events()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var csv = EventFile.Ensure(temp.Folder, 100_000, 1);
        using var duck = new DuckDbFunnel();
        duck.Load(csv);
        var imported = await temp.ImportAsync(ImportKind.Events, csv, "bench");
        var store = await temp.Stores.FindAsync("bench");

        var sql = duck.OrderedFunnelByDevice("paid_search");
        var (engine, _) = await new EngineFunnel(temp.Database, store!.Id).OrderedFunnelByDeviceAsync("paid_search");

        Assert.Equal((100_000, 0, 0), (imported.RowsStored, imported.RowsRejected, imported.RowsDuplicate));
        Assert.Equal(100_000, duck.RowCount());
        Assert.Equal(["desktop", "mobile", "tablet"], sql.Rows.Keys.Order());
        Assert.Equal(5_676, sql.Landed);
        Assert.Empty(StageCounts.Differences(sql, engine));
    }
}
