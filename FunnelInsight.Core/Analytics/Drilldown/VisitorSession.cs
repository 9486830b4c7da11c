namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>Another session of the same visitor, as the session page lists it.</summary>
/// <param name="SessionKey">Its key.</param>
/// <param name="Started">Its first event, in the store's time zone.</param>
/// <param name="Duration">From its first event to its last.</param>
/// <param name="Reached">The deepest tracked stage it reached in the ordered funnel.</param>
public sealed record VisitorSession(string SessionKey, DateTimeOffset Started, TimeSpan Duration, FunnelStage Reached);
