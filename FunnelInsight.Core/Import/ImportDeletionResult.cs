using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Import;

/// <summary>What deleting an import did.</summary>
/// <param name="Outcome">Deleted, not found, or refused because it is running.</param>
/// <param name="EventsRemoved">Events taken out of the store (an overlapping import's events stay).</param>
/// <param name="OrdersRemoved">Orders taken out of the store: those this import stored first.</param>
public sealed record ImportDeletionResult(DeletionOutcome Outcome, long EventsRemoved, int OrdersRemoved);
