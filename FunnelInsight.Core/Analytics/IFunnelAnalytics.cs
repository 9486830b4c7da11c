using FunnelInsight.Core.Analytics.Funnel;

namespace FunnelInsight.Core.Analytics;

/// <summary>
/// Every analytic figure FunnelInsight shows, exports or prints, behind one interface so a second storage backend
/// can answer the same questions. Results are immutable records; rates are fractions with their counts and 95%
/// Wilson intervals. The definitions are in the README's "How the numbers are computed".
/// </summary>
/// <remarks>
/// Register the implementation as a singleton: it caches each store's session rollups in memory until the store's
/// data version changes. All methods are safe to call concurrently.
/// </remarks>
public interface IFunnelAnalytics
{
    /// <summary>The five-stage funnel of the query's selection, with its breakdown, trend and time to convert.</summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    Task<FunnelReport> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken = default);
}
