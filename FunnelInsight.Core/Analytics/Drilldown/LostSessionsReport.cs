namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>
/// A page of the sessions lost before a stage — those that reached the tracked stage before it and not it, in the
/// query's mode, range and filters (always sessions, whatever the query's scope) — newest first.
/// </summary>
/// <param name="Query">The question asked.</param>
/// <param name="Stage">The stage they did not reach.</param>
/// <param name="Before">The tracked stage they reached last (landing when none before).</param>
/// <param name="Total">Every lost session the question selects (what the drop-off panel counts in session scope).</param>
/// <param name="Page">The page shown, from 1 (a page past the last is the last).</param>
/// <param name="PageSize">Sessions per page.</param>
/// <param name="TimeZone">The store's time zone, in which the start times are given.</param>
/// <param name="Sessions">The page's sessions.</param>
public sealed record LostSessionsReport(
    FunnelQuery Query, FunnelStage Stage, FunnelStage Before, long Total, int Page, int PageSize, string TimeZone, IReadOnlyList<LostSession> Sessions)
{
    /// <summary>How many pages the total fills (at least one).</summary>
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
