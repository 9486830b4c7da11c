namespace FunnelInsight.Web.Services;

/// <summary>
/// A store's settings as JSON, the one shape that <c>settings</c> prints and <c>/api/stores/{id}/settings</c> answers:
/// the settings, the time zones offered from its orders' offsets, and after a change whether it was saved and how many
/// sessions were rolled up again (null when none had to be).
/// </summary>
/// <param name="Store">The store's name.</param>
/// <param name="TimeZone">IANA time zone of the store's days.</param>
/// <param name="OfferedTimeZones">The time zones that agree with the offsets of the store's first order export.</param>
/// <param name="Currency">ISO 4217 currency.</param>
/// <param name="SessionTimeoutMinutes">Session timeout in minutes.</param>
/// <param name="ConversionWindowHours">Visitor conversion window in hours.</param>
/// <param name="StageMap">The stage map, as text.</param>
/// <param name="Saved">True when this answer follows a change that was saved.</param>
/// <param name="SessionsRebuilt">Sessions rolled up again by the change; null when it needed none.</param>
public sealed record StoreSettingsDocument(string Store, string TimeZone, IReadOnlyList<string> OfferedTimeZones, string Currency, int SessionTimeoutMinutes,
    int ConversionWindowHours, string StageMap, bool Saved, long? SessionsRebuilt)
{
    /// <summary>The document of <paramref name="settings"/>, after <paramref name="saved"/> when there was a change.</summary>
    public static StoreSettingsDocument Of(string store, StoreSettings settings, IReadOnlyList<string> offered, StoreSettingsSaveResult? saved) =>
        new(store, settings.TimeZone, offered, settings.Currency, settings.SessionTimeoutMinutes, settings.ConversionWindowHours, settings.StageMapText,
            saved is not null, saved?.RollupsRebuilt == true ? saved.SessionsRebuilt : null);

    /// <summary>The settings themselves.</summary>
    public StoreSettings Settings => new(StageMap, SessionTimeoutMinutes, ConversionWindowHours, Currency, TimeZone);
}
