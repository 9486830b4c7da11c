namespace FunnelInsight.Core.Analytics.Abandonment;

/// <summary>
/// One page of the recovery list: every session of the selection that reached cart and not purchase (in the query's
/// mode), sorted by <paramref name="Order"/>.
/// </summary>
/// <param name="Query">The question asked.</param>
/// <param name="Order">The list's order.</param>
/// <param name="Total">Every abandoned cart of the selection: the cart abandonment's count.</param>
/// <param name="Page">The page shown, from 1 (a page past the last is the last).</param>
/// <param name="PageSize">Carts per page.</param>
/// <param name="Sessions">The page's carts.</param>
public sealed record RecoveryPage(FunnelQuery Query, RecoveryOrder Order, long Total, int Page, int PageSize, IReadOnlyList<AbandonedSession> Sessions)
{
    /// <summary>How many pages the total fills (at least one).</summary>
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The position (from 1) of the page's first cart in the whole list; 0 for an empty list.</summary>
    public long First => Sessions.Count == 0 ? 0 : ((long)(Page - 1) * PageSize) + 1;

    /// <summary>The position of the page's last cart; 0 for an empty list.</summary>
    public long Last => Sessions.Count == 0 ? 0 : First + Sessions.Count - 1;
}
