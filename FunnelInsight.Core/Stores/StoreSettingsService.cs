using FunnelInsight.Core.Events;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Stores;

/// <summary>
/// Reads and saves a store's settings. A save is one transaction: the settings, a new data version (so
/// cached analytics reload, in the new time zone and currency), and, when the stage map or the session timeout
/// changed, session rollups rebuilt with them.
/// </summary>
public sealed class StoreSettingsService(FunnelDatabase database)
{
    /// <summary>The settings of <paramref name="storeId"/>, or null when there is no such store.</summary>
    /// <remarks>A store whose Owner chose no currency reports the one its orders carry (see <see cref="StoreCurrency"/>).</remarks>
    public async Task<StoreSettings?> GetAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var store = await context.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var currency = await StoreCurrency.ResolveAsync(connection, storeId, store.Currency, cancellationToken);
        return new StoreSettings(store.StageMapText ?? StageMap.DefaultText, store.SessionTimeoutMinutes, store.ConversionWindowHours, currency, store.TimeZone);
    }

    /// <summary>The time zones that agree with the offsets of the store's first order export; empty when it carried none.</summary>
    public async Task<IReadOnlyList<string>> OfferedTimeZonesAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var offsets = await context.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => s.OrderTimeOffsets).FirstOrDefaultAsync(cancellationToken);
        return StoreTimeZones.Offered(offsets);
    }

    /// <summary>Why <paramref name="settings"/> cannot be saved; empty when they can.</summary>
    public static IReadOnlyList<StoreSettingsError> Validate(StoreSettings settings)
    {
        var errors = new List<StoreSettingsError>();
        try
        {
            StageMap.Parse(settings.StageMapText);
        }
        catch (FormatException ex)
        {
            errors.Add(new StoreSettingsError(StoreSettingsField.StageMap, ex.Message));
        }

        if (settings.SessionTimeoutMinutes is < 1 or > StoreSettings.MaxSessionTimeoutMinutes)
        {
            errors.Add(new StoreSettingsError(StoreSettingsField.SessionTimeout, $"Between 1 and {StoreSettings.MaxSessionTimeoutMinutes} minutes."));
        }

        if (settings.ConversionWindowHours is < 1 or > StoreSettings.MaxConversionWindowHours)
        {
            errors.Add(new StoreSettingsError(StoreSettingsField.ConversionWindow, $"Between 1 and {StoreSettings.MaxConversionWindowHours} hours."));
        }

        if (settings.Currency.Length != 3 || !settings.Currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new StoreSettingsError(StoreSettingsField.Currency, "Three capital letters (ISO 4217), for example USD."));
        }

        if (!StoreClock.TryFind(settings.TimeZone, out _))
        {
            errors.Add(new StoreSettingsError(StoreSettingsField.TimeZone, "An IANA time zone, for example America/Los_Angeles or Europe/Paris (UTC for none)."));
        }

        return errors;
    }

    /// <summary>
    /// Validates and saves the settings and bumps the store's data version; rebuilds its session rollups when the stage
    /// map or the session timeout changed.
    /// </summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    public async Task<StoreSettingsSaveResult> SaveAsync(int storeId, StoreSettings settings, CancellationToken cancellationToken = default)
    {
        var errors = Validate(settings);
        if (errors.Count > 0)
        {
            return new StoreSettingsSaveResult(errors, 0);
        }

        var map = StageMap.Parse(settings.StageMapText);
        var mapText = map.ToText() == StageMap.Default.ToText() ? null : settings.StageMapText.Trim();
        var zone = StoreClock.For(settings.TimeZone).Name;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = SessionRulesText(connection, transaction, storeId)
            ?? throw new ArgumentException($"Store {storeId} does not exist.", nameof(storeId));
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE Stores SET StageMapText = @map, SessionTimeoutMinutes = @timeout, ConversionWindowHours = @window,
                    Currency = @currency, TimeZone = @zone, DataVersion = DataVersion + 1
                WHERE Id = @id
                """;
            update.AddParameter("map", (object?)mapText ?? DBNull.Value);
            update.AddParameter("timeout", settings.SessionTimeoutMinutes);
            update.AddParameter("window", settings.ConversionWindowHours);
            update.AddParameter("currency", settings.Currency);
            update.AddParameter("zone", zone);
            update.AddParameter("id", storeId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        // Sessions depend only on the stage map and the timeout; the time zone and currency are applied when figures are read.
        if (before == (map.ToText(), settings.SessionTimeoutMinutes))
        {
            await transaction.CommitAsync(cancellationToken);
            return new StoreSettingsSaveResult([], 0);
        }

        // The rebuild reads every event of the store: keep it off the caller's thread (a Blazor circuit).
        using var write = new StoreWrite(connection, transaction, storeId);
        var sessions = await Task.Run(
            () => database.Events.RebuildSessions(write, new SessionRules(map, TimeSpan.FromMinutes(settings.SessionTimeoutMinutes)), cancellationToken),
            cancellationToken);
        write.Commit();
        return new StoreSettingsSaveResult([], sessions) { RollupsRebuilt = true };
    }

    private static (string MapText, int TimeoutMinutes)? SessionRulesText(DbConnection connection, DbTransaction transaction, int storeId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT StageMapText, SessionTimeoutMinutes FROM Stores WHERE Id = @id";
        command.AddParameter("id", storeId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? ((reader.IsDBNull(0) ? StageMap.Default : StageMap.Parse(reader.GetString(0))).ToText(), reader.GetInt32(1))
            : null;
    }
}
