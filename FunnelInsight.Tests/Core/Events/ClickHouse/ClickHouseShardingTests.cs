using FunnelInsight.Tests.Core.Analytics.BruteForce;

namespace FunnelInsight.Tests.Core.Events.ClickHouse;

/// <summary>
/// Where the rows go on a cluster of two shards (<c>Events:Shards</c>): read from each shard's own tables, not through
/// the <c>Distributed</c> ones.
/// </summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class ClickHouseShardingTests : IClickHouseTests
{
    [ProviderFact]
    public async Task Rows_are_split_over_both_shards_and_no_session_or_visitor_is_on_both()
    {
        var (_, csv) = RandomStore.Generate(seed: 7, sessions: 600);
        await using var store = await AnalyticsStore.CreateAsync(null, engine: TestServers.ClickHouseTwoShardsEngine());
        await store.ImportAsync(ImportKind.Events, "random.csv", csv);
        var shards = TestServers.ShardDatabases();
        Assert.Equal(2, shards.Count);

        var events = shards.Select(db => long.Parse(TestServers.ClickHouseServer($"SELECT count() FROM {db}.events_local"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(events, count => Assert.True(count > 0, $"a shard holds no events: {string.Join(" / ", events)}"));
        Assert.Equal(await store.Temp.EventCountAsync(), events.Sum());

        var sessions = shards.Select(db => Lines($"SELECT DISTINCT session_key FROM {db}.sessions_local")).ToList();
        var visitors = shards.Select(db => Lines($"SELECT DISTINCT visitor_key FROM {db}.sessions_local")).ToList();
        var groups = shards.Select(db => Lines($"SELECT DISTINCT group_key FROM {db}.events_local")).ToList();
        Assert.All(sessions, keys => Assert.NotEmpty(keys));
        Assert.Equal(600, sessions.Sum(keys => keys.Count));
        Assert.Empty(sessions[0].Intersect(sessions[1]));
        Assert.Empty(visitors[0].Intersect(visitors[1]));
        Assert.Empty(groups[0].Intersect(groups[1]));
        // Each session is on the shard of its events.
        Assert.Equal(sessions[0].Order(StringComparer.Ordinal), groups[0].Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task A_session_given_an_earlier_event_of_another_visitor_stays_on_its_shard_and_visitor_funnels_still_agree_with_duckdb()
    {
        // Each session a{i} first comes with visitor w{i}; a later import gives it an earlier event of visitor x{i}, who
        // also has session b{i}: x{i}'s sessions are then on two shards whenever w{i} and x{i} hash to different ones.
        var first = new StringBuilder();
        var second = new StringBuilder();
        for (var i = 0; i < 24; i++)
        {
            first.Append(System.Globalization.CultureInfo.InvariantCulture, $"2024-03-01T10:05:00Z,session_start,a{i},w{i},,,,,,,,\n2024-03-01T10:06:00Z,view_item,a{i},w{i},,,,,,,,\n");
            first.Append(System.Globalization.CultureInfo.InvariantCulture, $"2024-03-02T09:00:00Z,add_to_cart,b{i},x{i},,,,,,,,\n");
            second.Append(System.Globalization.CultureInfo.InvariantCulture, $"2024-03-01T10:00:00Z,view_item,a{i},x{i},,,,,,,,\n");
        }

        var shards = TestServers.ClickHouseTwoShardsEngine();
        await using var duck = await AnalyticsStore.CreateAsync(first.ToString());
        await using var clickHouse = await AnalyticsStore.CreateAsync(first.ToString(), engine: shards);
        foreach (var store in new[] { duck, clickHouse })
        {
            await store.ImportAsync(ImportKind.Events, "earlier.csv", AnalyticsStore.EventHeader + "\n" + second);
        }

        var databases = TestServers.ShardDatabases();
        var groups = databases.Select(db => Lines($"SELECT DISTINCT group_key FROM {db}.events_local")).ToList();
        var visitors = databases.Select(db => Lines($"SELECT DISTINCT visitor_key FROM {db}.sessions_local")).ToList();
        Assert.Empty(groups[0].Intersect(groups[1]));
        Assert.NotEmpty(visitors[0].Intersect(visitors[1]));
        foreach (var mode in new[] { FunnelMode.Ordered, FunnelMode.Open })
        {
            var steps = FunnelDefinition.Parse("view_item,add_to_cart").Definition;
            var expected = await duck.Analytics.FunnelAsync(duck.Query with { Scope = FunnelScope.Visitor, Mode = mode, Steps = steps });
            var actual = await clickHouse.Analytics.FunnelAsync(clickHouse.Query with { Scope = FunnelScope.Visitor, Mode = mode, Steps = steps });
            // Every session a{i} now belongs to x{i} (its first event's visitor), who views on day 1 and carts on day 2.
            Assert.Equal([24, 24], expected.Total.Stages.Select(s => s.Reached));
            Assert.Equal(expected.Total.Stages.Select(s => s.Reached), actual.Total.Stages.Select(s => s.Reached));
        }
    }

    private static HashSet<string> Lines(string sql) =>
        TestServers.ClickHouseServer(sql).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
