using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>A store's rows of the events and sessions tables, read back whole.</summary>
internal static class DuckDbContents
{
    /// <summary>Every event of the store, in id order.</summary>
    public static IReadOnlyList<StoredEvent> Events(DuckDBConnection connection, int storeId)
    {
        using var command = DuckDbFile.Command(connection, """
            SELECT id, import_id, line, time_us, session_key, visitor_key, event_name, product_id, price, quantity, order_id,
                   device, channel, country, page_load_ms
            FROM events WHERE store_id = $store ORDER BY id
            """, ("store", storeId));
        return ReadEvents(command);
    }

    /// <summary>
    /// The events <paramref name="command"/> selects, its columns in the events table's order: id, import_id, line, time_us,
    /// session_key, visitor_key, event_name, product_id, price, quantity, order_id, device, channel, country, page_load_ms.
    /// </summary>
    public static List<StoredEvent> ReadEvents(DuckDBCommand command)
    {
        using var reader = command.ExecuteReader();
        var events = new List<StoredEvent>();
        while (reader.Read())
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), Text(reader, 4),
                Text(reader, 5) ?? "", Text(reader, 6) ?? "", Text(reader, 7), reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), Text(reader, 10), Text(reader, 11), Text(reader, 12), Text(reader, 13),
                reader.IsDBNull(14) ? null : reader.GetInt32(14)));
        }

        return events;
    }

    /// <summary>Every session of the store, in id order.</summary>
    public static IReadOnlyList<(long Id, SessionSummary Session)> Sessions(DuckDBConnection connection, int storeId)
    {
        using var command = DuckDbFile.Command(connection, """
            SELECT id, has_session, session_key, visitor_key, start_us, end_us, device, channel, country, ordered_depth,
                   product_us, cart_us, checkout_us, purchase_us, open_mask, step_mask, last_step, signal_mask, exit_signal,
                   last_event_name, cart_value, cart_items, purchase_value, event_count, avg_page_load_ms, stage_path
            FROM sessions WHERE store_id = $store ORDER BY id
            """, ("store", storeId));
        using var reader = command.ExecuteReader();
        var sessions = new List<(long, SessionSummary)>();
        while (reader.Read())
        {
            sessions.Add((reader.GetInt64(0), new SessionSummary
            {
                FromSessionId = reader.GetBoolean(1),
                SessionKey = reader.GetString(2),
                VisitorKey = reader.GetString(3),
                StartUs = reader.GetInt64(4),
                EndUs = reader.GetInt64(5),
                Device = Text(reader, 6),
                Channel = Text(reader, 7),
                Country = Text(reader, 8),
                OrderedDepth = reader.GetInt32(9),
                ProductUs = Time(reader, 10),
                CartUs = Time(reader, 11),
                CheckoutUs = Time(reader, 12),
                PurchaseUs = Time(reader, 13),
                OpenMask = reader.GetInt32(14),
                StepMask = reader.GetInt32(15),
                LastStep = reader.GetInt32(16),
                SignalMask = reader.GetInt32(17),
                ExitSignal = reader.GetInt32(18),
                LastEventName = reader.GetString(19),
                CartValue = reader.GetDouble(20),
                CartItems = reader.GetInt32(21),
                PurchaseValue = reader.GetDouble(22),
                EventCount = reader.GetInt32(23),
                AvgPageLoadMs = reader.IsDBNull(24) ? null : reader.GetDouble(24),
                StagePath = DuckDbFile.Bytes(reader, 25),
            }));
        }

        return sessions;
    }

    private static string? Text(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static long? Time(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);
}
