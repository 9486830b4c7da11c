using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Analytics.Leaks;

namespace FunnelInsight.Core.Analytics.Overview;

/// <summary>A store at a glance: headline figures against the period before, the top leaks and friction flags.</summary>
/// <param name="Query">The question asked, with the period it covers.</param>
/// <param name="PreviousFrom">First day of the period compared with (as long as the query's, just before it); null without data.</param>
/// <param name="PreviousTo">Last day of that period.</param>
/// <param name="Figures">Sessions, overall conversion, cart and checkout abandonment, revenue, abandoned cart value, churn.</param>
/// <param name="TopLeaks">Up to three leaks with lost sessions, most estimated lost revenue first.</param>
/// <param name="TopFlags">Up to three friction flags, most revenue at stake first.</param>
/// <param name="ChurnPeriod">The month the churn figure is of (<c>yyyy-MM</c>); null without one.</param>
/// <param name="StoreHasEvents">False when the store has no events at all (orders only): there is no funnel to show yet.</param>
public sealed record OverviewReport(
    FunnelQuery Query,
    DateOnly? PreviousFrom,
    DateOnly? PreviousTo,
    IReadOnlyList<HeadlineFigure> Figures,
    IReadOnlyList<Leak> TopLeaks,
    IReadOnlyList<CheckoutFrictionFlag> TopFlags,
    string? ChurnPeriod,
    bool StoreHasEvents = true)
{
    /// <summary>The figure with <paramref name="key"/>.</summary>
    public HeadlineFigure this[string key] => Figures.First(f => f.Key == key);

    /// <summary>True when the period has neither sessions nor revenue.</summary>
    public bool IsEmpty => this["sessions"].Value == 0 && this["revenue"].Value == 0;

    /// <summary>
    /// False when the period compared with (<see cref="PreviousFrom"/> to <see cref="PreviousTo"/>) has no sessions:
    /// the session figures then have no previous value (no data before, not a rise from zero).
    /// </summary>
    public bool PreviousHasSessions { get; init; }

    /// <summary>True when the store has orders but no events: customers and revenue, and no funnel.</summary>
    public bool OrdersOnly => !StoreHasEvents && !IsEmpty;
}
