namespace FunnelInsight.Web.Services;

/// <summary>A store the signed-in user belongs to, and their role in it.</summary>
public sealed record StoreMembership(int StoreId, string StoreName, StoreRole Role);
