using FunnelInsight.Tests.Core.Analytics.BruteForce;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// User-defined funnels over a store whose matched events do not fit in DuckDB's memory limit: a random store of about
/// 220,000 events imported with the default limit, then asked through an engine opened with a limit of 16 MB, where a
/// funnel has to spill (one statement holding every step's join failed here with "failed to pin block"). The engine's
/// queries run on 4 threads, where the statement runs out of memory and is asked again on the writes' one thread. The
/// counts are the brute-force rule's.
/// </summary>
public sealed class DuckDbEventFunnelTests(DuckDbEventFunnelTests.LargeStore store) : IClassFixture<DuckDbEventFunnelTests.LargeStore>
{
    public static TheoryData<string, FunnelScope, FunnelMode, int?> Funnels => new()
    {
        { "view_item,add_to_cart,begin_checkout,purchase", FunnelScope.Session, FunnelMode.Ordered, null },
        { "stage:landing,view_item|Product_View,add_to_cart,purchase[device=mobile]", FunnelScope.Visitor, FunnelMode.Ordered, 48 },
        { "view_item,add_to_cart,purchase", FunnelScope.Session, FunnelMode.Open, null },
    };

    [Theory]
    [MemberData(nameof(Funnels))]
    public async Task A_user_defined_funnel_over_more_events_than_the_memory_limit_holds_spills_and_counts_by_the_greedy_rule(
        string steps, FunnelScope scope, FunnelMode mode, int? windowHours)
    {
        var query = new FunnelQuery(store.StoreId)
        {
            Steps = FunnelDefinition.Parse(steps).Definition,
            Scope = scope,
            Mode = mode,
            WindowHours = windowHours,
        };
        var expected = new BruteForceDefinedFunnel(store.Expected).Reached(query, _ => "all")["all"];

        var report = await new FunnelAnalytics(store.Small).FunnelAsync(query);

        Assert.True(expected[0] > 10_000, $"the funnel's first step has {expected[0]} units");
        Assert.Equal(expected, report.Total.Stages.Select(s => s.Reached));
    }

    /// <summary>The store, and a second engine over its files with a 16 MB memory limit and 4 threads for queries.</summary>
    public sealed class LargeStore : IAsyncLifetime
    {
        private AnalyticsStore? _store;

        internal int StoreId => _store!.StoreId;

        internal BruteForceFunnel Expected { get; private set; } = null!;

        internal FunnelDatabase Small { get; private set; } = null!;

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            var (events, csv) = RandomStore.Generate(seed: 20240302, sessions: 40_000);
            _store = await AnalyticsStore.CreateAsync(null);
            await _store.ImportAsync(ImportKind.Events, "large.csv", csv);
            Expected = new BruteForceFunnel(events);
            Small = new FunnelDatabase($"Data Source={_store.Temp.DatabasePath}", new EventEngineOptions { MemoryLimit = "16MB", Threads = 1, QueryThreads = 4 });
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_store is not null)
            {
                await _store.DisposeAsync();
            }
        }
    }
}
