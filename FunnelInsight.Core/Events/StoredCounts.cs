namespace FunnelInsight.Core.Events;

/// <summary>How much one store holds in the event store.</summary>
/// <param name="Events">Events stored.</param>
/// <param name="Sessions">Sessions in its rollups.</param>
internal readonly record struct StoredCounts(long Events, long Sessions);
