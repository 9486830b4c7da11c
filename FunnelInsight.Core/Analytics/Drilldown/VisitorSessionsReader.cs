using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>The other sessions of a session's visitor, from the store's session table and its visitor numbers.</summary>
internal static class VisitorSessionsReader
{
    /// <summary>The most other sessions listed (the newest).</summary>
    public const int MaxSessions = 50;

    /// <summary>
    /// The table positions of the other sessions of the visitor of session row <paramref name="sessionId"/>, newest
    /// first, at most <see cref="MaxSessions"/>, and how many there are in all; none when the table does not hold it.
    /// </summary>
    public static (IReadOnlyList<int> Positions, int Total) Others(SessionTable table, VisitorPaths visitors, long sessionId)
    {
        var at = Array.IndexOf(table.RowId, sessionId, 0, table.Count);
        if (at < 0)
        {
            return ([], 0);
        }

        var visitor = visitors.Visitor[at];
        var others = new List<int>();
        for (var i = 0; i < table.Count; i++)
        {
            if (i != at && visitors.Visitor[i] == visitor)
            {
                others.Add(i);
            }
        }

        // The table is in start order: newest first is from its end.
        others.Reverse();
        return (others.Take(MaxSessions).ToList(), others.Count);
    }

    /// <summary>The deepest tracked stage the session at <paramref name="position"/> reached in the ordered funnel.</summary>
    public static FunnelStage Reached(SessionTable table, int position)
    {
        var mask = table.StageMask(position, FunnelMode.Ordered);
        var stage = FunnelStage.Landing;
        for (var k = FunnelStage.Landing; k <= FunnelStage.Purchase; k++)
        {
            if ((mask & 1 << (int)k) != 0)
            {
                stage = k;
            }
        }

        return stage;
    }
}
