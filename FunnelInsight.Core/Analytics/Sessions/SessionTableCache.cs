using System.Collections.Concurrent;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>
/// Keeps each store's <see cref="SessionTable"/> in memory until the store's data version changes (an import or a
/// settings change bumps it), so repeated queries pay the load once.
/// </summary>
internal sealed class SessionTableCache(FunnelDatabase database)
{
    private readonly ConcurrentDictionary<int, (long Version, Lazy<Task<SessionTable>> Table)> _tables = new();

    /// <summary>The store's table and settings.</summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    public async Task<(SessionTable Table, StoreSettings Settings)> GetAsync(int storeId, CancellationToken cancellationToken)
    {
        var settings = await ReadSettingsAsync(storeId, cancellationToken);
        var entry = _tables.AddOrUpdate(
            storeId,
            _ => (settings.DataVersion, NewLoad(storeId, settings.Clock)),
            (_, old) => old.Version == settings.DataVersion && !old.Table.Value.IsFaulted ? old : (settings.DataVersion, NewLoad(storeId, settings.Clock)));
        var table = await entry.Table.Value.WaitAsync(cancellationToken);
        return (table, settings);
    }

    /// <summary>The visitor paths of a table, loaded on first use.</summary>
    public async Task<VisitorPaths> VisitorsAsync(int storeId, SessionTable table, CancellationToken cancellationToken)
    {
        if (table.Visitors is { } loaded)
        {
            return loaded;
        }

        var paths = await Task.Run(() => database.Events.LoadVisitorsAsync(storeId, table, cancellationToken), cancellationToken);
        table.Visitors ??= paths;
        return table.Visitors;
    }

    private Lazy<Task<SessionTable>> NewLoad(int storeId, StoreClock clock) => new(() => Task.Run(async () =>
    {
        var table = await database.Events.LoadSessionsAsync(storeId, CancellationToken.None);
        table.Clock = clock;
        return table;
    }));

    private async Task<StoreSettings> ReadSettingsAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DataVersion, ConversionWindowHours, TimeZone, Currency FROM Stores WHERE Id = $store";
        command.Parameters.AddWithValue("$store", storeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoreSettings(reader.GetInt64(0), reader.GetInt32(1), StoreClock.For(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3))
            : throw new ArgumentException($"Store {storeId} does not exist.", nameof(storeId));
    }
}

/// <summary>The store settings analytics read with each query.</summary>
/// <param name="DataVersion">Bumped by every import.</param>
/// <param name="ConversionWindowHours">Default visitor-scope window.</param>
/// <param name="Clock">The store's time zone.</param>
/// <param name="ChosenCurrency">The currency the Owner chose; null for the one the orders carry.</param>
internal sealed record StoreSettings(long DataVersion, int ConversionWindowHours, StoreClock Clock, string? ChosenCurrency);
