using FunnelInsight.Core.Storage.Providers;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>
/// Keeps stores' <see cref="SessionTable"/>s in memory within a byte budget (<see cref="EventEngineOptions.SessionCacheMegabytes"/>),
/// least recently used out. When a store's data version changes (an import, a deletion, a settings change), the table
/// held is brought up to date by reading only what changed (<see cref="IEventStore.RefreshSessionsAsync"/>), so a
/// report after an import does not wait for the whole store to load again.
/// </summary>
internal sealed class SessionTableCache(FunnelDatabase database)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly long _budgetBytes = database.EventOptions.SessionCacheMegabytes * 1024L * 1024L;
    private long _uses;

    /// <summary>The store's table and settings.</summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    public async Task<(SessionTable Table, ReportSettings Settings)> GetAsync(int storeId, CancellationToken cancellationToken)
    {
        ReportSettings settings;
        try
        {
            settings = await ReadSettingsAsync(storeId, cancellationToken);
        }
        catch (ArgumentException)
        {
            // A deleted store (from this process or another: the command line) leaves no table behind in memory.
            Forget(storeId);
            throw;
        }

        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(storeId, out var held) || held.Version < settings.DataVersion || held.Table.IsFaulted || held.Table.IsCanceled)
            {
                held = new Entry(settings.DataVersion, NewTable(storeId, settings.Clock, held?.Table));
                _entries[storeId] = held;
            }

            entry = held;
            entry.LastUse = ++_uses;
        }

        var table = await entry.Table.WaitAsync(cancellationToken);
        Admit(storeId, entry, table);
        return (table, settings);
    }

    /// <summary>Drops the store's table from memory (a deleted store).</summary>
    public void Forget(int storeId)
    {
        lock (_gate)
        {
            _entries.Remove(storeId);
        }
    }

    /// <summary>True while the store's table is held in memory.</summary>
    public bool Holds(int storeId)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(storeId);
        }
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

    // The table of the current version: the one held (or being read) brought up to date, or a whole load.
    private Task<SessionTable> NewTable(int storeId, StoreClock clock, Task<SessionTable>? held) => Task.Run(async () =>
    {
        SessionTable? basis = null;
        if (held is not null)
        {
            try
            {
                basis = await held;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The earlier read failed: this one starts from nothing, and fails on its own if the cause remains.
            }
        }

        var table = basis is null
            ? await database.Events.LoadSessionsAsync(storeId, CancellationToken.None)
            : await database.Events.RefreshSessionsAsync(storeId, basis, CancellationToken.None);
        table.Clock = clock;
        return table;
    });

    // Counts a read table against the budget: least recently used tables go until the rest fit, and a table larger
    // than the whole budget is not kept. A table read while a write was unsettled stays only as the start of the next
    // query's refresh.
    private void Admit(int storeId, Entry entry, SessionTable table)
    {
        lock (_gate)
        {
            entry.Bytes = table.EstimatedBytes;
            if (table.Unsettled)
            {
                entry.Version = long.MinValue;
            }

            if (entry.Bytes > _budgetBytes)
            {
                if (_entries.TryGetValue(storeId, out var current) && current == entry)
                {
                    _entries.Remove(storeId);
                }

                return;
            }

            while (_entries.Values.Where(e => e.Table.IsCompletedSuccessfully).Sum(e => e.Bytes) > _budgetBytes
                && _entries.Where(e => e.Value != entry && e.Value.Table.IsCompletedSuccessfully).OrderBy(e => e.Value.LastUse).FirstOrDefault() is { Value: not null } oldest)
            {
                _entries.Remove(oldest.Key);
            }
        }
    }

    private async Task<ReportSettings> ReadSettingsAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DataVersion, ConversionWindowHours, TimeZone, Currency FROM Stores WHERE Id = @store";
        command.AddParameter("store", storeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReportSettings(reader.GetInt64(0), reader.GetInt32(1), StoreClock.For(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3))
            : throw new ArgumentException($"Store {storeId} does not exist.", nameof(storeId));
    }

    /// <summary>A store's table (read, or being read) for one data version.</summary>
    private sealed class Entry(long version, Task<SessionTable> table)
    {
        /// <summary>The data version it is right for (<see cref="long.MinValue"/>: none, to be refreshed).</summary>
        public long Version { get; set; } = version;

        public Task<SessionTable> Table { get; } = table;

        /// <summary>When it was last asked for (a counter): the smallest goes first.</summary>
        public long LastUse { get; set; }

        /// <summary>Its size once read.</summary>
        public long Bytes { get; set; }
    }
}
