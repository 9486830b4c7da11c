using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Stores;

/// <summary>A user-defined funnel a store keeps under a name.</summary>
/// <param name="Name">Its name (unique in the store without case; untrusted text: escape it when drawing).</param>
/// <param name="Steps">Its steps.</param>
/// <param name="WindowHours">Its conversion window in hours; null for the query's default.</param>
/// <param name="SavedUtc">When it was saved.</param>
public sealed record SavedFunnel(string Name, FunnelDefinition Steps, int? WindowHours, DateTime SavedUtc);
