using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// What a drill-down reads: one session's events (those of its group between its first and last event, the rows the
/// rollup built it from) and the sessions lost at a stage, a page at a time.
/// </summary>
internal static class DuckDbSessionDrill
{
    /// <summary>The session with key <paramref name="sessionKey"/> (the first to start of any two) and its events, by (time, id).</summary>
    public static SessionEvents? Events(DuckDBConnection connection, int storeId, string sessionKey)
    {
        // One snapshot: an import that rolls the session up again between the two reads cannot split it.
        using var snapshot = connection.BeginTransaction();
        using var find = DuckDbFile.Command(connection, """
            SELECT id, session_key, visitor_key, start_us, end_us, device, channel, country
            FROM sessions WHERE store_id = $store AND session_key = $key ORDER BY start_us, id LIMIT 1
            """, ("store", storeId), ("key", sessionKey));
        long id;
        SessionKeys keys;
        (string? Device, string? Channel, string? Country) dimensions;
        using (var session = find.ExecuteReader())
        {
            if (!session.Read())
            {
                return null;
            }

            id = session.GetInt64(0);
            keys = new SessionKeys(session.GetString(1), session.GetString(2), session.GetInt64(3), session.GetInt64(4));
            dimensions = (Text(session, 5), Text(session, 6), Text(session, 7));
        }

        using var command = DuckDbFile.Command(connection, """
            SELECT e.id, e.import_id, e.line, e.time_us, e.session_key, e.visitor_key, e.event_name, e.product_id, e.price,
                   e.quantity, e.order_id, e.device, e.channel, e.country, e.page_load_ms
            FROM sessions s JOIN events e
              ON e.store_id = s.store_id AND e.has_session = s.has_session AND e.group_key = s.group_key
             AND e.time_us BETWEEN s.start_us AND s.end_us
            WHERE s.store_id = $store AND s.id = $id
            ORDER BY e.time_us, e.id
            """, ("store", storeId), ("id", id));
        return new SessionEvents(id, keys, dimensions.Device, dimensions.Channel, dimensions.Country, DuckDbContents.ReadEvents(command));
    }

    /// <summary>The page of lost sessions the query asks for, newest first, and their total.</summary>
    public static LostSessionPage Lost(DuckDBConnection connection, LostSessionQuery query)
    {
        var where = new StringBuilder("store_id = $store");
        where.Append(query.FromUs is null ? "" : " AND start_us >= $from").Append(query.ToUs is null ? "" : " AND start_us < $to");
        for (var d = 0; d < query.Filters.Count; d++)
        {
            if (query.Filters[d] is { } spellings)
            {
                where.Append(" AND ").Append(((FunnelDimension)d).ToString().ToLowerInvariant())
                    .Append(spellings.Count == 0 ? " IS NULL AND FALSE" : " IN (" + string.Join(", ", spellings.Select(DuckDbFile.Quote)) + ")");
            }
        }

        // The stages are numbers the caller resolved, never text from data.
        where.Append(query.Mode == FunnelMode.Ordered
            ? $" AND ordered_depth = {query.Before}"
            : $" AND (open_mask & {1 << query.Before}) <> 0 AND (open_mask & {1 << query.At}) = 0");
        (string, object?)[] parameters =
        [
            ("store", query.StoreId),
            .. query.FromUs is { } from ? new[] { ("from", (object?)from) } : [],
            .. query.ToUs is { } to ? new[] { ("to", (object?)to) } : [],
        ];
        using var snapshot = connection.BeginTransaction();
        var total = DuckDbFile.Scalar(connection, $"SELECT count(*) FROM sessions WHERE {where}", parameters);
        using var command = DuckDbFile.Command(connection, $"""
            SELECT session_key, visitor_key, start_us, end_us, last_event_name, event_count, cart_value, device, channel, country
            FROM sessions WHERE {where} ORDER BY start_us DESC, id DESC LIMIT $limit OFFSET $offset
            """, [.. parameters, ("limit", query.Limit), ("offset", query.Offset)]);
        using var reader = command.ExecuteReader();
        var rows = new List<LostSessionRow>();
        while (reader.Read())
        {
            rows.Add(new LostSessionRow(new SessionKeys(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)),
                reader.GetString(4), reader.GetInt32(5), reader.GetDouble(6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
        }

        return new LostSessionPage(total, rows);
    }

    private static string? Text(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
