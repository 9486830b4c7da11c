namespace FunnelInsight.Core.Storage.Entities;

/// <summary>A merchant's workspace: every imported row belongs to exactly one store.</summary>
public sealed class Store
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>Display name, unique among its owner's stores (not across the installation); the command line's <c>--store NAME</c>.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The account that created the store (Identity user id), whose stores' names are unique; empty for a store the
    /// operator created without an account (the command line without a token, the demo).
    /// </summary>
    public string OwnerId { get; set; } = "";

    /// <summary>ISO 4217 currency the store reports in; null for the one its orders carry (see <see cref="Stores.StoreCurrency"/>).</summary>
    public string? Currency { get; set; }

    /// <summary>IANA time zone whose days, weeks and months the store's figures use.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The UTC offsets the store's first order export wrote its times with, each with the first time seen at it
    /// (<c>-07:00@1717200000000000</c>, comma-separated), from which time zones are offered; null when none carried one.
    /// </summary>
    public string? OrderTimeOffsets { get; set; }

    /// <summary>The store's stage map as text (see <see cref="Domain.StageMap.Parse"/>); null for the default.</summary>
    public string? StageMapText { get; set; }

    /// <summary>Minutes of inactivity that end a session, for files without a session column.</summary>
    public int SessionTimeoutMinutes { get; set; } = 30;

    /// <summary>Visitor-scope conversion window in hours.</summary>
    public int ConversionWindowHours { get; set; } = 168;

    /// <summary>When the store was created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>Bumped whenever the store's events or settings change, so cached analytics know to reload.</summary>
    public long DataVersion { get; set; }
}
