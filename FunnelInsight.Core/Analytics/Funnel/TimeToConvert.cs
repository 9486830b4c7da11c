namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>How long purchasing sessions took, in seconds (ordered funnel times).</summary>
/// <param name="Purchases">Sessions that reached purchase.</param>
/// <param name="MedianLandingToPurchaseSeconds">Median of t(purchase) − t(landing); null without purchases.</param>
/// <param name="P90LandingToPurchaseSeconds">90th percentile (nearest rank) of the same.</param>
/// <param name="MedianCheckoutToPurchaseSeconds">Median of t(purchase) − t(checkout).</param>
/// <param name="P90CheckoutToPurchaseSeconds">90th percentile (nearest rank) of the same.</param>
public sealed record TimeToConvert(
    long Purchases,
    double? MedianLandingToPurchaseSeconds,
    double? P90LandingToPurchaseSeconds,
    double? MedianCheckoutToPurchaseSeconds,
    double? P90CheckoutToPurchaseSeconds)
{
    /// <summary>The histogram of the same times (<see cref="ConversionTimeHistogram"/>'s buckets, every one present).</summary>
    public IReadOnlyList<ConversionTimeBucket> Histogram { get; init; } = ConversionTimeHistogram.Of([], []);
}
