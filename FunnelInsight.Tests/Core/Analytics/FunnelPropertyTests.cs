using FunnelInsight.Tests.Core.Analytics.BruteForce;

namespace FunnelInsight.Tests.Core.Analytics;

public class FunnelPropertyTests
{
    private static async Task<AnalyticsStore> RandomAsync(int seed)
    {
        var store = await AnalyticsStore.CreateAsync(null);
        await store.ImportAsync(ImportKind.Events, "random.csv", RandomStore.Generate(seed, 1500).Csv);
        return store;
    }

    private static long?[] Counts(FunnelSegment segment) => segment.Stages.Select(s => s.Reached).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Ordered_counts_never_increase_and_open_counts_are_at_least_ordered(int seed)
    {
        await using var store = await RandomAsync(seed);
        foreach (var scope in new[] { FunnelScope.Session, FunnelScope.Visitor })
        {
            var ordered = Counts((await store.Analytics.FunnelAsync(store.Query with { Scope = scope })).Total);
            var open = Counts((await store.Analytics.FunnelAsync(store.Query with { Scope = scope, Mode = FunnelMode.Open })).Total);

            Assert.True(ordered[4] > 0, "the random store should have purchases");
            for (var k = 1; k < 5; k++)
            {
                Assert.True(ordered[k] <= ordered[k - 1], $"{scope}: ordered stage {k} grew");
            }

            Assert.All(Enumerable.Range(0, 5), k => Assert.True(open[k] >= ordered[k], $"{scope}: open below ordered at {k}"));
            Assert.Equal(ordered[0], open[0]);
        }
    }

    [Theory]
    [InlineData(4, FunnelDimension.Device, FunnelMode.Ordered, FunnelScope.Session)]
    [InlineData(5, FunnelDimension.Channel, FunnelMode.Open, FunnelScope.Session)]
    [InlineData(6, FunnelDimension.Country, FunnelMode.Ordered, FunnelScope.Visitor)]
    public async Task Breakdown_and_trend_counts_sum_to_the_total(int seed, FunnelDimension dimension, FunnelMode mode, FunnelScope scope)
    {
        await using var store = await RandomAsync(seed);
        var report = await store.Analytics.FunnelAsync(store.Query with
        {
            Breakdown = dimension,
            Mode = mode,
            Scope = scope,
            Trend = TrendGranularity.Weekly,
        });

        var total = Counts(report.Total);
        Assert.True(report.Breakdown.Count >= 3);
        Assert.Equal(total, Enumerable.Range(0, 5).Select(k => report.Breakdown.Sum(b => b.Stages[k].Reached)).ToArray());
        Assert.Equal(total, Enumerable.Range(0, 5).Select(k => report.Trend.Sum(t => t.Funnel.Stages[k].Reached)).ToArray());
    }

    [Fact]
    public async Task Leaks_partition_every_session_that_did_not_buy()
    {
        await using var store = await RandomAsync(7);
        var funnel = await store.Analytics.FunnelAsync(store.Query);
        var leaks = await store.Analytics.LeaksAsync(store.Query);

        Assert.Equal(funnel.Total.Landed - funnel.Total.Stages[4].Reached, leaks.BySessionsLost.Sum(l => l.Lost));
        Assert.Equal(funnel.Total.Stages[3].DropOff, leaks.BySessionsLost.Single(l => l.Key == "cart_to_checkout").Lost);
    }
}
