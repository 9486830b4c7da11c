namespace FunnelInsight.Core.Accounts;

/// <summary>
/// A personal API token for automation (HTTP exports). Only the SHA-256 of the token is stored: the token
/// itself is shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The user the token acts for; it can reach only that user's stores.</summary>
    public required string UserId { get; set; }

    /// <summary>The one store the token is limited to, or null for all of the user's stores.</summary>
    public int? StoreId { get; set; }

    /// <summary>The owner's label for the token (for example "nightly export").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so its owner can recognise it in a list.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>When the token was created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the token last authenticated a request (UTC), or null if never.</summary>
    public DateTime? LastUsedUtc { get; set; }

    /// <summary>When the token was revoked (UTC); a revoked token authenticates nothing.</summary>
    public DateTime? RevokedUtc { get; set; }
}
