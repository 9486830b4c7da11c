namespace FunnelInsight.Tests.Support;

/// <summary>
/// Tests that run on each event engine: on DuckDB in the class itself, on ClickHouse in derived classes (marked
/// <see cref="IClickHouseTests"/>) that override <see cref="Engine"/>.
/// </summary>
public abstract class EventEngineTests
{
    /// <summary>The event engine each test's store is on (DuckDB unless a derived class says otherwise).</summary>
    private protected virtual EventEngineOptions Engine() => new();

    /// <summary>A store of the test's own on <see cref="Engine"/> holding <paramref name="eventRows"/> and <paramref name="orderRows"/>.</summary>
    private protected Task<AnalyticsStore> StoreAsync(string? eventRows, string? orderRows = null) =>
        AnalyticsStore.CreateAsync(eventRows, orderRows, Engine());
}
