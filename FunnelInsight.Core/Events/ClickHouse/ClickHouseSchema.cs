namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// The tables of the events database on ClickHouse. ClickHouse has no transactions, so every row carries the write that
/// stored it (<c>write_id</c>), and a reader sees only the rows of the writes committed when it started
/// (<see cref="ClickHouseView"/>): a write's rows become visible together when it is marked committed in <c>writes</c>.
/// A write that replaces sessions lists the replaced ones in <c>session_drops</c> rather than deleting them, so they
/// disappear at the same moment; the rows are taken out later by a mutation, which nobody waits for.
/// </summary>
/// <remarks>
/// Events are ordered by (store, group, time, id): a group is a session id, or a visitor's events without one, as on
/// DuckDB, and the id is the order of the file within an import, so (time, id) is the funnel's exact order of events.
/// </remarks>
internal static class ClickHouseSchema
{
    /// <summary>The event columns, in the table's order.</summary>
    public const string EventColumns =
        "store_id, id, import_id, write_id, has_session, group_key, time_us, line, identity_hash, session_key, visitor_key, event_name, "
        + "product_id, order_id, price, quantity, page_load_ms, device, channel, country";

    /// <summary>The session columns, in the table's order.</summary>
    public const string SessionColumns =
        "store_id, id, write_id, has_session, group_key, session_key, visitor_key, start_us, end_us, device, channel, country, ordered_depth, "
        + "product_us, cart_us, checkout_us, purchase_us, open_mask, step_mask, last_step, signal_mask, exit_signal, last_event_name, "
        + "cart_value, cart_items, purchase_value, event_count, avg_page_load_ms, stage_path";

    /// <summary>The columns of an events table (the table and the staging tables of imports alike).</summary>
    public const string EventTableBody = """
        (store_id UInt32, id Int64, import_id Int32, write_id UInt64, has_session UInt8, group_key String, time_us Int64, line Int64,
         identity_hash Int64, session_key Nullable(String), visitor_key Nullable(String), event_name Nullable(String),
         product_id Nullable(String), order_id Nullable(String), price Nullable(Float64), quantity Nullable(Int32),
         page_load_ms Nullable(Int32), device Nullable(String), channel Nullable(String), country Nullable(String))
        """;

    /// <summary>The statements that create what is missing, in order.</summary>
    public static IReadOnlyList<string> Create(string database) =>
    [
        $"CREATE DATABASE IF NOT EXISTS {database}",
        $"""
        CREATE TABLE IF NOT EXISTS {database}.events {EventTableBody}
        ENGINE = MergeTree PARTITION BY toYYYYMM(toDateTime(intDiv(time_us, 1000000)))
        ORDER BY (store_id, has_session, group_key, time_us, id)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {database}.sessions
        (store_id UInt32, id Int64, write_id UInt64, has_session UInt8, group_key String, session_key String, visitor_key String,
         start_us Int64, end_us Int64, device Nullable(String), channel Nullable(String), country Nullable(String), ordered_depth Int32,
         product_us Nullable(Int64), cart_us Nullable(Int64), checkout_us Nullable(Int64), purchase_us Nullable(Int64), open_mask Int32,
         step_mask Int32, last_step Int32, signal_mask Int32, exit_signal Int32, last_event_name String, cart_value Float64,
         cart_items Int32, purchase_value Float64, event_count Int32, avg_page_load_ms Nullable(Float64), stage_path String)
        ENGINE = MergeTree ORDER BY (store_id, start_us, id)
        """,
        $"CREATE TABLE IF NOT EXISTS {database}.session_drops (store_id UInt32, write_id UInt64, session_id Int64) ENGINE = MergeTree ORDER BY (store_id, session_id)",
        $"CREATE TABLE IF NOT EXISTS {database}.import_repeats (store_id UInt32, import_id Int32, write_id UInt64, event_id Int64) ENGINE = MergeTree ORDER BY (store_id, import_id, event_id)",
        $"""
        CREATE TABLE IF NOT EXISTS {database}.writes
        (store_id UInt32, write_id UInt64, kind String, import_id Nullable(Int32), state UInt8, at DateTime DEFAULT now())
        ENGINE = MergeTree ORDER BY (store_id, write_id)
        """,
    ];

    /// <summary>Every table that holds rows of a store.</summary>
    public static readonly IReadOnlyList<string> StoreTables = ["events", "sessions", "session_drops", "import_repeats", "writes"];
}
