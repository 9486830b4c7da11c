using FunnelInsight.Core.Analytics.Leaks;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>The numbers friction rules read, gathered from the selection's sessions and the store's orders.</summary>
internal sealed record FrictionEvidence
{
    public required Proportion CartAbandonment { get; init; }
    public required double AbandonedCartValue { get; init; }
    public required long AbandonedCartsWithValue { get; init; }
    public required LeakReport Leaks { get; init; }
    public required long PaymentFailedSessions { get; init; }
    public required long PaymentTouched { get; init; }
    public required double PaymentTouchedValue { get; init; }
    public required long CouponTouched { get; init; }
    public required double CouponTouchedValue { get; init; }
    public required long CheckoutSessions { get; init; }
    public required Proportion MobileCheckout { get; init; }
    public required Proportion DesktopCheckout { get; init; }
    public required double MobileCheckoutLostValue { get; init; }
    public required double? MedianPageLoadMs { get; init; }
    public required Proportion FastPageConversion { get; init; }
    public required Proportion SlowPageConversion { get; init; }
    public required double? MedianExtraCostShare { get; init; }
    public required long OrdersWithTotal { get; init; }

    /// <summary>The leak with <paramref name="key"/>; an empty one where the store's data does not track it (no checkout).</summary>
    public Leak Leak(string key) =>
        Leaks.BySessionsLost.FirstOrDefault(l => l.Key == key) ?? new Leak(key, key, "purchase", 0, 0, Proportion.None, 0, true, null);

    /// <summary>Sessions that reached checkout and left without buying.</summary>
    public long CheckoutExits => Leaks.BySessionsLost.Where(l => l.Key.StartsWith("checkout_", StringComparison.Ordinal)).Sum(l => l.Lost);
}
