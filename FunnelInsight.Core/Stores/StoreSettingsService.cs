using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Stores;

/// <summary>
/// Reads and saves a store's settings. A save is one transaction: the settings, a new data version (so
/// cached analytics reload), and session rollups rebuilt with the new stage map and timeout.
/// </summary>
public sealed class StoreSettingsService(FunnelDatabase database)
{
    /// <summary>The settings of <paramref name="storeId"/>, or null when there is no such store.</summary>
    public async Task<StoreSettings?> GetAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking()
            .Where(s => s.Id == storeId)
            .Select(s => new StoreSettings(s.StageMapText ?? StageMap.DefaultText, s.SessionTimeoutMinutes, s.ConversionWindowHours, s.Currency))
            .FirstOrDefaultAsync(cancellationToken);
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

        return errors;
    }

    /// <summary>Validates and saves the settings, bumps the store's data version and rebuilds its session rollups.</summary>
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE Stores SET StageMapText = $map, SessionTimeoutMinutes = $timeout, ConversionWindowHours = $window,
                    Currency = $currency, DataVersion = DataVersion + 1
                WHERE Id = $id
                """;
            update.Parameters.AddWithValue("$map", (object?)mapText ?? DBNull.Value);
            update.Parameters.AddWithValue("$timeout", settings.SessionTimeoutMinutes);
            update.Parameters.AddWithValue("$window", settings.ConversionWindowHours);
            update.Parameters.AddWithValue("$currency", settings.Currency);
            update.Parameters.AddWithValue("$id", storeId);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new ArgumentException($"Store {storeId} does not exist.", nameof(storeId));
            }
        }

        // The rebuild reads every event of the store: keep it off the caller's thread (a Blazor circuit).
        var sessions = await Task.Run(
            () => StoreRollups.Rebuild(connection, transaction, storeId, map, TimeSpan.FromMinutes(settings.SessionTimeoutMinutes), cancellationToken),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreSettingsSaveResult([], sessions);
    }
}
