namespace FunnelInsight.Core.Stores;

/// <summary>The settings of a store that shape its analytics.</summary>
/// <param name="StageMapText">The stage map as text (see <see cref="Domain.StageMap.Parse"/>).</param>
/// <param name="SessionTimeoutMinutes">Minutes of inactivity that end a session where a file has no session column.</param>
/// <param name="ConversionWindowHours">How long after a visitor's first landing a purchase still counts, in visitor scope.</param>
/// <param name="Currency">ISO 4217 code the store reports in (by default the one its orders carry).</param>
/// <param name="TimeZone">IANA time zone of the store's days, weeks and months (default UTC).</param>
public sealed record StoreSettings(string StageMapText, int SessionTimeoutMinutes, int ConversionWindowHours, string Currency, string TimeZone)
{
    /// <summary>Longest session timeout accepted: one day.</summary>
    public const int MaxSessionTimeoutMinutes = 24 * 60;

    /// <summary>Longest conversion window accepted: one year.</summary>
    public const int MaxConversionWindowHours = 365 * 24;
}

/// <summary>The settings a save can reject.</summary>
public enum StoreSettingsField
{
    /// <summary>The stage map.</summary>
    StageMap,

    /// <summary>The session timeout.</summary>
    SessionTimeout,

    /// <summary>The conversion window.</summary>
    ConversionWindow,

    /// <summary>The currency.</summary>
    Currency,

    /// <summary>The time zone.</summary>
    TimeZone,
}

/// <summary>Why a setting was rejected.</summary>
/// <param name="Field">The setting.</param>
/// <param name="Detail">What is wrong (for the stage map, the line at fault).</param>
public sealed record StoreSettingsError(StoreSettingsField Field, string Detail);

/// <summary>What saving settings did.</summary>
/// <param name="Errors">Why the settings were rejected; empty when they were saved.</param>
/// <param name="SessionsRebuilt">Sessions in the rebuilt rollups (0 when rejected or not rebuilt).</param>
public sealed record StoreSettingsSaveResult(IReadOnlyList<StoreSettingsError> Errors, long SessionsRebuilt)
{
    /// <summary>True when the settings were saved.</summary>
    public bool Saved => Errors.Count == 0;

    /// <summary>True when the save rebuilt the session rollups (the stage map or the session timeout changed).</summary>
    public bool RollupsRebuilt { get; init; }
}
