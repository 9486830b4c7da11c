namespace FunnelInsight.Core.Analytics;

/// <summary>One event name of a store's stored events, with how many events carry it: what a funnel step is picked from.</summary>
/// <param name="Name">The name as stored (untrusted text: escape it when drawing).</param>
/// <param name="Events">How many stored events carry it.</param>
public sealed record EventNameCount(string Name, long Events);
