using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>A random store of 4,000 sessions imported once through the real import path, with its brute-force twin.</summary>
public class RandomStoreFixture : IAsyncLifetime
{
    private AnalyticsStore? _store;

    internal AnalyticsStore Store => _store!;

    internal BruteForceFunnel Expected { get; private set; } = null!;

    /// <summary>True for a store that never sends a checkout event.</summary>
    protected virtual bool WithoutCheckout => false;

    /// <summary>The event engine the store is on (DuckDB's defaults unless a derived fixture says otherwise).</summary>
    protected virtual EventEngineOptions Engine() => new();

    /// <summary>Whether the fixture is built (not for an engine whose server is missing, whose tests are skipped).</summary>
    protected virtual bool Runs => true;

    /// <summary>The generated events, as written to the file.</summary>
    internal IReadOnlyList<RawEvent> Events { get; private set; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!Runs)
        {
            return;
        }

        var (events, csv) = RandomStore.Generate(seed: 20240301, sessions: 4000, WithoutCheckout);
        Events = events;
        _store = await AnalyticsStore.CreateAsync(null, engine: Engine());
        await _store.ImportAsync(ImportKind.Events, "random.csv", csv);
        Expected = new BruteForceFunnel(events);
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

/// <summary>The same random store without any event that reaches checkout (like REES46 and RetailRocket exports).</summary>
public sealed class StoreWithoutCheckoutFixture : RandomStoreFixture
{
    /// <inheritdoc />
    protected override bool WithoutCheckout => true;
}

/// <summary>The random store on ClickHouse.</summary>
public class ClickHouseRandomStoreFixture : RandomStoreFixture
{
    /// <inheritdoc />
    protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();

    /// <inheritdoc />
    protected override bool Runs => TestServers.ClickHouseRuns;
}

/// <summary>
/// The random store on ClickHouse, its import moved into the events table and its user-defined funnels counted in slices
/// of 1,500 events.
/// </summary>
public sealed class ClickHouseRandomStoreInSlicesFixture : ClickHouseRandomStoreFixture
{
    /// <inheritdoc />
    protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine() with { ClickHouseImportSlice = 1_500, ClickHouseFunnelSlice = 1_500 };
}

/// <summary>The random store without checkout on ClickHouse.</summary>
public class ClickHouseStoreWithoutCheckoutFixture : ClickHouseRandomStoreFixture
{
    /// <inheritdoc />
    protected override bool WithoutCheckout => true;
}

/// <summary>The random store on ClickHouse, its events sharded over two shards.</summary>
public sealed class ClickHouseRandomStoreOnTwoShardsFixture : ClickHouseRandomStoreFixture
{
    /// <inheritdoc />
    protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine();
}

/// <summary>The random store without checkout on ClickHouse, its events sharded over two shards.</summary>
public sealed class ClickHouseStoreWithoutCheckoutOnTwoShardsFixture : ClickHouseStoreWithoutCheckoutFixture
{
    /// <inheritdoc />
    protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine();
}
