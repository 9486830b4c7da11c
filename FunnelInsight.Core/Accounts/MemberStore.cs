namespace FunnelInsight.Core.Accounts;

/// <summary>A store a user belongs to, with their role in it.</summary>
/// <param name="StoreId">Store id.</param>
/// <param name="StoreName">Store name.</param>
/// <param name="Role">The user's role in the store.</param>
public sealed record MemberStore(int StoreId, string StoreName, StoreRole Role);
