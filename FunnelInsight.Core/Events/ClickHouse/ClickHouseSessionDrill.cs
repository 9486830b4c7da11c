using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// What a drill-down reads: one session's events (those of its group between its first and last event, the rows the
/// rollup built it from) and the sessions lost at a stage, a page at a time, each from one view.
/// </summary>
internal static class ClickHouseSessionDrill
{
    /// <summary>The session with key <paramref name="sessionKey"/> (the first to start of any two) and its events, by (time, id).</summary>
    public static SessionEvents? Events(ClickHouseConnection connection, ClickHouseView view, string sessionKey)
    {
        var found = connection.Rows($"""
            SELECT id, session_key, visitor_key, start_us, end_us, device, channel, country, has_session, group_key
            FROM sessions WHERE {view.Sessions()} AND session_key = {ClickHouseConnection.Quote(sessionKey)} ORDER BY start_us, id LIMIT 1
            """, r => (Id: r.Int64(0), Keys: new SessionKeys(r.String(1), r.String(2), r.Int64(3), r.Int64(4)),
                Device: r.NullableString(5), Channel: r.NullableString(6), Country: r.NullableString(7), HasSession: r.Int64(8), Group: r.String(9)));
        if (found.Count == 0)
        {
            return null;
        }

        var s = found[0];
        var events = connection.Rows($"""
            SELECT {ClickHouseEventRows.Columns()} FROM events
            WHERE {view.Events()} AND has_session = {s.HasSession} AND group_key = {ClickHouseConnection.Quote(s.Group)}
              AND time_us BETWEEN {s.Keys.StartUs} AND {s.Keys.EndUs}
            ORDER BY time_us, id
            """, ClickHouseEventRows.Read);
        return new SessionEvents(s.Id, s.Keys, s.Device, s.Channel, s.Country, events);
    }

    /// <summary>The page of lost sessions the query asks for, newest first, and their total.</summary>
    public static LostSessionPage Lost(ClickHouseConnection connection, ClickHouseView view, LostSessionQuery query)
    {
        var where = new StringBuilder(view.Sessions());
        where.Append(query.FromUs is { } from ? $" AND start_us >= {from}" : "").Append(query.ToUs is { } to ? $" AND start_us < {to}" : "");
        for (var d = 0; d < query.Filters.Count; d++)
        {
            if (query.Filters[d] is { } spellings)
            {
                where.Append(" AND ").Append(spellings.Count == 0 ? "0"
                    : ((FunnelDimension)d).ToString().ToLowerInvariant() + " IN (" + string.Join(", ", spellings.Select(ClickHouseConnection.Quote)) + ")");
            }
        }

        // The stages are numbers the caller resolved, never text from data.
        where.Append(query.Mode == FunnelMode.Ordered
            ? $" AND ordered_depth = {query.Before}"
            : $" AND bitAnd(open_mask, {1 << query.Before}) <> 0 AND bitAnd(open_mask, {1 << query.At}) = 0");
        var total = connection.Scalar($"SELECT count() FROM sessions WHERE {where}");
        var rows = connection.Rows($"""
            SELECT session_key, visitor_key, start_us, end_us, last_event_name, event_count, cart_value, device, channel, country
            FROM sessions WHERE {where} ORDER BY start_us DESC, id DESC LIMIT {query.Offset}, {query.Limit}
            """, r => new LostSessionRow(new SessionKeys(r.String(0), r.String(1), r.Int64(2), r.Int64(3)), r.String(4), r.Int32(5), r.Double(6),
                r.NullableString(7), r.NullableString(8), r.NullableString(9)));
        return new LostSessionPage(total, rows);
    }
}
