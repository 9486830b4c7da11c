using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Analytics.Drilldown;
using FunnelInsight.Core.Analytics.DropOff;
using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Leaks;
using FunnelInsight.Core.Analytics.Segments;

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
    /// <summary>
    /// The five-stage funnel of the query's selection, with its breakdown, trend and time to convert; with
    /// <see cref="FunnelQuery.Steps"/>, the user-defined funnel of those steps counted over the raw events (one step per
    /// definition step, no time to convert).
    /// </summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    Task<FunnelReport> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every leak of the ordered session funnel, checkout sub-steps included, ranked by sessions and by revenue.</summary>
    /// <remarks>Scope, mode, breakdown and trend of the query are ignored: leaks are per session, in order.</remarks>
    Task<LeakReport> LeaksAsync(FunnelQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where the units lost before <paramref name="stage"/> went last: their last event names, counted in the query's unit
    /// (sessions, or visitors in visitor scope, as the funnel counts them).
    /// </summary>
    /// <param name="query">The selection, mode, scope and window; breakdown and trend are ignored.</param>
    /// <param name="stage">The stage they did not reach (product … purchase).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<DropOffReport> DropOffAsync(FunnelQuery query, FunnelStage stage, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the sessions lost before <paramref name="stage"/> (reached the tracked stage before it, not it), in the
    /// query's mode, range and filters, newest first, with their total.
    /// </summary>
    /// <param name="query">The selection and mode; scope, breakdown and trend are ignored (the list is of sessions).</param>
    /// <param name="stage">The stage they did not reach (product … purchase).</param>
    /// <param name="page">The page, from 1; one past the last gives the last.</param>
    /// <param name="pageSize">Sessions per page (1 … 500).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<LostSessionsReport> LostSessionsAsync(FunnelQuery query, FunnelStage stage, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default);

    /// <summary>
    /// The session of the store with key <paramref name="sessionKey"/>, its events in order with the stages they reached,
    /// times in the store's time zone; null when the store has no such session.
    /// </summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    Task<SessionTimeline?> SessionTimelineAsync(int storeId, string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>The store's event names with how many stored events carry each, most first: what funnel steps are picked from.</summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    Task<IReadOnlyList<EventNameCount>> EventNamesAsync(int storeId, CancellationToken cancellationToken = default);

    /// <summary>The device, channel and country values the store's sessions carry, and the days they span.</summary>
    Task<StoreDimensions> DimensionsAsync(int storeId, CancellationToken cancellationToken = default);

    /// <summary>Cart and checkout abandonment of the selection's sessions, with the recovery list.</summary>
    /// <param name="query">The selection; its mode decides what reached cart and purchase.</param>
    /// <param name="maxSessions">Longest recovery list to return (most valuable first); null for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<AbandonmentReport> AbandonmentAsync(FunnelQuery query, int? maxSessions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the recovery list: every abandoned cart of the selection (reached cart, not purchase, in the query's
    /// mode), sorted by <paramref name="order"/>, with the total.
    /// </summary>
    /// <param name="query">The selection; its mode decides what reached cart and purchase.</param>
    /// <param name="order">The list's order.</param>
    /// <param name="page">The page, from 1; one past the last gives the last.</param>
    /// <param name="pageSize">Carts per page (1 … 500).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<RecoveryPage> RecoveryListAsync(FunnelQuery query, RecoveryOrder order = RecoveryOrder.Value, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default);

    /// <summary>Customers, orders, revenue, repeat rate, monthly churn, inactivity and cohort retention from the orders.</summary>
    Task<CustomerReport> CustomersAsync(CustomerQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compares two selections of the same store step by step: two values of a dimension
    /// (<c>query with { Device = "mobile" }</c> vs <c>query with { Device = "desktop" }</c>) or two periods.
    /// </summary>
    /// <exception cref="ArgumentException">The queries are on different stores.</exception>
    Task<SegmentComparison> CompareAsync(FunnelQuery first, FunnelQuery second, CancellationToken cancellationToken = default);

    /// <summary>
    /// The checkout friction flags the selection's sessions and the store's orders give evidence of, with the
    /// reference figures beside the merchant's numbers. Counted per session in the ordered funnel.
    /// </summary>
    Task<FrictionReport> FrictionAsync(FunnelQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Prepares the store's data ahead of its first question (after an import, or at start-up), so the first chart
    /// a merchant opens does not wait for the load.
    /// </summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    Task WarmAsync(int storeId, CancellationToken cancellationToken = default);

    /// <summary>Drops whatever the store's data left in memory (its sessions, loaded for questions): the store was deleted.</summary>
    void Forget(int storeId);
}
