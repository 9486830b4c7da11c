using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Abandonment;

/// <summary>Abandoned carts and checkouts of the selection (sessions, in the query's mode), with the recovery list.</summary>
/// <param name="Query">The question asked.</param>
/// <param name="CartAbandonment">Sessions that reached cart and not purchase / sessions that reached cart.</param>
/// <param name="CheckoutAbandonment">Sessions that reached checkout and not purchase / sessions that reached checkout.</param>
/// <param name="AbandonedCartValue">Sum of the cart values of the abandoned carts.</param>
/// <param name="AbandonedCheckoutValue">Sum of the cart values of the abandoned checkouts.</param>
/// <param name="Sessions">The abandoned carts, most valuable first (ties: latest first); at most the limit asked for.</param>
/// <param name="Tracked">The stages the store's data tracks: checkout abandonment has no rate where checkout is not tracked.</param>
public sealed record AbandonmentReport(
    FunnelQuery Query,
    Proportion CartAbandonment,
    Proportion CheckoutAbandonment,
    double AbandonedCartValue,
    double AbandonedCheckoutValue,
    IReadOnlyList<AbandonedSession> Sessions,
    TrackedStages Tracked);
