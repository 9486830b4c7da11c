namespace FunnelInsight.Core.Accounts;

/// <summary>A user's membership of a store: what they may see and do there.</summary>
public sealed class StoreMember
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The store.</summary>
    public int StoreId { get; set; }

    /// <summary>The user's id in the accounts database (an ASP.NET Core Identity user id).</summary>
    public required string UserId { get; set; }

    /// <summary>What the member may do in the store.</summary>
    public StoreRole Role { get; set; }

    /// <summary>When the membership was granted (UTC).</summary>
    public DateTime AddedUtc { get; set; }
}
