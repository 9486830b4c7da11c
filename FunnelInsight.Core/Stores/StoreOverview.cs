namespace FunnelInsight.Core.Stores;

/// <summary>A store with the size of its data.</summary>
/// <param name="Id">Store id.</param>
/// <param name="Name">Store name.</param>
/// <param name="Events">Events stored.</param>
/// <param name="Orders">Orders stored.</param>
/// <param name="Sessions">Sessions in its rollups.</param>
public sealed record StoreOverview(int Id, string Name, long Events, long Orders, long Sessions);
