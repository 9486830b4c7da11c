namespace FunnelInsight.Core.Analytics.Leaks;

/// <summary>Where the selection's sessions leak, ranked two ways.</summary>
/// <param name="Query">The question asked (leaks are always counted per session in the ordered funnel).</param>
/// <param name="BySessionsLost">Every leak, most sessions lost first.</param>
/// <param name="ByLostRevenue">Every leak, most estimated lost revenue first.</param>
/// <param name="Biggest">The leak with the most estimated lost revenue (ties: most sessions lost); null when nothing leaked.</param>
/// <param name="AverageOrderValue">The average order value the estimates before the cart use.</param>
/// <param name="Tracked">The stages the store's data tracks; there is no leak into the others.</param>
public sealed record LeakReport(
    FunnelQuery Query,
    IReadOnlyList<Leak> BySessionsLost,
    IReadOnlyList<Leak> ByLostRevenue,
    Leak? Biggest,
    double AverageOrderValue,
    TrackedStages Tracked);
