using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>A random store of 4,000 sessions imported once through the real import path, with its brute-force twin.</summary>
public class RandomStoreFixture : IAsyncLifetime
{
    private AnalyticsStore? _store;

    internal AnalyticsStore Store => _store!;

    internal BruteForceFunnel Expected { get; private set; } = null!;

    /// <summary>True for a store that never sends a checkout event.</summary>
    protected virtual bool WithoutCheckout => false;

    /// <summary>The generated events, as written to the file.</summary>
    internal IReadOnlyList<RawEvent> Events { get; private set; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var (events, csv) = RandomStore.Generate(seed: 20240301, sessions: 4000, WithoutCheckout);
        Events = events;
        _store = await AnalyticsStore.CreateAsync(null);
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
