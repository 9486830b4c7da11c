namespace FunnelInsight.Core.Stores;

/// <summary>A store as the catalog knows it: its id, its name, and the account that created it ("" for the operator's).</summary>
/// <param name="Id">The store's id.</param>
/// <param name="Name">The store's name (unique per owner).</param>
/// <param name="OwnerId">The Identity id of the account that created it; "" for a store the operator created.</param>
public sealed record NamedStore(int Id, string Name, string OwnerId);
