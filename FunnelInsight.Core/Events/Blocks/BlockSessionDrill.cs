using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>The drill-down reads of the blocks engine, over its whole-store readers (the engine has no index to seek with).</summary>
internal static class BlockSessionDrill
{
    /// <summary>The session with key <paramref name="sessionKey"/> (the first to start of any two) and its events, by (time, id).</summary>
    public static SessionEvents? Events(IReadOnlyList<(long Id, SessionSummary Session)> sessions, IReadOnlyList<StoredEvent> events, string sessionKey)
    {
        var found = sessions.Where(s => s.Session.SessionKey == sessionKey).OrderBy(s => s.Session.StartUs).ThenBy(s => s.Id).FirstOrDefault();
        if (found.Session is not { } s)
        {
            return null;
        }

        // A session is cut from its session id's events, or from its visitor's events without one between its first and
        // last (the blocks keep no mark of which: the session key tells, as a made key is never an event's session id).
        var own = events.Where(e => e.Session is { } id
                ? id == s.SessionKey
                : e.Visitor == s.VisitorKey && e.TimeUs >= s.StartUs && e.TimeUs <= s.EndUs)
            .OrderBy(e => e.TimeUs).ThenBy(e => e.Id).ToList();
        return new SessionEvents(found.Id, new SessionKeys(s.SessionKey, s.VisitorKey, s.StartUs, s.EndUs), s.Device, s.Channel, s.Country, own);
    }

    /// <summary>The page of lost sessions the query asks for, newest first, and their total.</summary>
    public static LostSessionPage Lost(IReadOnlyList<(long Id, SessionSummary Session)> sessions, LostSessionQuery query)
    {
        var lost = sessions.Where(x => Selected(x.Session, query)).OrderByDescending(x => x.Session.StartUs).ThenByDescending(x => x.Id).ToList();
        return new LostSessionPage(lost.Count, lost.Skip(query.Offset).Take(query.Limit)
            .Select(x => new LostSessionRow(new SessionKeys(x.Session.SessionKey, x.Session.VisitorKey, x.Session.StartUs, x.Session.EndUs),
                x.Session.LastEventName, x.Session.EventCount, x.Session.CartValue, x.Session.Device, x.Session.Channel, x.Session.Country))
            .ToList());
    }

    private static bool Selected(SessionSummary s, LostSessionQuery query)
    {
        if ((query.FromUs is { } from && s.StartUs < from) || (query.ToUs is { } to && s.StartUs >= to))
        {
            return false;
        }

        string?[] values = [s.Device, s.Channel, s.Country];
        for (var d = 0; d < query.Filters.Count; d++)
        {
            if (query.Filters[d] is { } spellings && (values[d] is not { } value || !spellings.Contains(value, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return query.Mode == FunnelMode.Ordered
            ? s.OrderedDepth == query.Before
            : (s.OpenMask & (1 << query.Before)) != 0 && (s.OpenMask & (1 << query.At)) == 0;
    }
}
