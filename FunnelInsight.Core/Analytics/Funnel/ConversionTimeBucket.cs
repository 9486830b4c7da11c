namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// One bar of the time-to-convert histogram: the purchasing units whose time falls in [<see cref="FromSeconds"/>,
/// <see cref="ToSeconds"/>), from landing and from checkout.
/// </summary>
/// <param name="FromSeconds">The bucket's start, included.</param>
/// <param name="ToSeconds">The bucket's end, excluded; null for the last, open bucket.</param>
/// <param name="FromLanding">Purchases whose t(purchase) − t(landing) falls in the bucket.</param>
/// <param name="FromCheckout">Purchases whose t(purchase) − t(checkout) falls in the bucket (0 where checkout is not tracked).</param>
public sealed record ConversionTimeBucket(double FromSeconds, double? ToSeconds, long FromLanding, long FromCheckout);
