using System.Text.Json.Serialization;

namespace FunnelInsight.Web.Services;

/// <summary>A store the caller may use, with their role in it and the size of its data (<c>GET /api/stores</c>).</summary>
/// <param name="Id">Store id.</param>
/// <param name="Name">Store name.</param>
/// <param name="Role">The caller's role: <c>owner</c>, <c>analyst</c> or <c>marketer</c>.</param>
/// <param name="Events">Events stored.</param>
/// <param name="Orders">Orders stored.</param>
/// <param name="Sessions">Sessions in its rollups.</param>
public sealed record StoreListing(int Id, string Name, string Role, long Events, long Orders, long Sessions)
{
    /// <summary>The listing of <paramref name="store"/> for a caller with <paramref name="role"/>.</summary>
    public static StoreListing Of(StoreOverview store, StoreRole role) =>
        new(store.Id, store.Name, role.ToString().ToLowerInvariant(), store.Events, store.Orders, store.Sessions);

    /// <summary>The caller's role, read back.</summary>
    [JsonIgnore]
    public StoreRole RoleValue => Enum.Parse<StoreRole>(Role, ignoreCase: true);
}
