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
    /// <summary>The event columns, in the table's order, but for the shard key.</summary>
    public const string EventColumns =
        "store_id, id, import_id, write_id, has_session, group_key, time_us, line, identity_hash, session_key, visitor_key, event_name, "
        + "product_id, order_id, price, quantity, page_load_ms, device, channel, country";

    /// <summary>The session columns, in the table's order.</summary>
    public const string SessionColumns =
        "store_id, id, write_id, has_session, group_key, session_key, visitor_key, start_us, end_us, device, channel, country, ordered_depth, "
        + "product_us, cart_us, checkout_us, purchase_us, open_mask, step_mask, last_step, signal_mask, exit_signal, last_event_name, "
        + "cart_value, cart_items, purchase_value, event_count, avg_page_load_ms, stage_path, shard_key";

    /// <summary>The columns of an events table (the table and the staging tables of imports alike).</summary>
    public const string EventTableBody = """
        (store_id UInt32, id Int64, import_id Int32, write_id UInt64, has_session UInt8, group_key String, time_us Int64, line Int64,
         identity_hash Int64, session_key Nullable(String), visitor_key Nullable(String), event_name Nullable(String),
         product_id Nullable(String), order_id Nullable(String), price Nullable(Float64), quantity Nullable(Int32),
         page_load_ms Nullable(Int32), device Nullable(String), channel Nullable(String), country Nullable(String), shard_key String)
        """;

    // Each table's columns and the MergeTree that holds it (on every shard, for the sharded tables).
    private static readonly IReadOnlyList<(string Name, string Body, string Engine)> Tables =
    [
        ("events", EventTableBody, "MergeTree PARTITION BY toYYYYMM(toDateTime(intDiv(time_us, 1000000))) ORDER BY (store_id, has_session, group_key, time_us, id)"),
        ("sessions", """
            (store_id UInt32, id Int64, write_id UInt64, has_session UInt8, group_key String, session_key String, visitor_key String,
             start_us Int64, end_us Int64, device Nullable(String), channel Nullable(String), country Nullable(String), ordered_depth Int32,
             product_us Nullable(Int64), cart_us Nullable(Int64), checkout_us Nullable(Int64), purchase_us Nullable(Int64), open_mask Int32,
             step_mask Int32, last_step Int32, signal_mask Int32, exit_signal Int32, last_event_name String, cart_value Float64,
             cart_items Int32, purchase_value Float64, event_count Int32, avg_page_load_ms Nullable(Float64), stage_path String, shard_key String)
            """, "MergeTree ORDER BY (store_id, start_us, id)"),
        ("session_drops", "(store_id UInt32, write_id UInt64, session_id Int64, shard_key String)", "MergeTree ORDER BY (store_id, session_id)"),
        ("import_repeats", "(store_id UInt32, import_id Int32, write_id UInt64, event_id Int64, shard_key String)", "MergeTree ORDER BY (store_id, import_id, event_id)"),
        ("writes", "(store_id UInt32, write_id UInt64, kind String, import_id Nullable(Int32), state UInt8, at DateTime DEFAULT now())", "MergeTree ORDER BY (store_id, write_id)"),
    ];

    /// <summary>
    /// Creates what is missing in the database (which exists): the tables (on a cluster the sharded ones on every shard and as
    /// <c>Distributed</c> tables in the database, and <c>each_shard</c>, one row per shard), and the shard key of tables
    /// an earlier release created without it.
    /// </summary>
    public static void Create(ClickHouseConnection connection, ClickHouseLayout layout)
    {
        var database = connection.Database;
        // On a cluster the database gets the shards' tables too, empty unless the server is a shard with that database:
        // ClickHouse 18.16 looks a join's tables up on the server a statement starts on (OnEachShard's join).
        var owners = layout.Sharded ? layout.Shards.Append(new ClickHouseShard(0, connection, true)) : layout.Shards;
        foreach (var shard in owners)
        {
            shard.Connection.Execute($"CREATE DATABASE IF NOT EXISTS {shard.Connection.Database}", inDatabase: false);
            foreach (var (name, body, engine) in Tables.Where(t => ClickHouseLayout.ShardedTables.Contains(t.Name)))
            {
                shard.Connection.Execute($"CREATE TABLE IF NOT EXISTS {shard.Table(name)} {body} ENGINE = {engine}");
                AddShardKey(shard.Connection, shard.Name(name));
            }
        }

        foreach (var (name, body, engine) in Tables)
        {
            var sharded = layout.Sharded && ClickHouseLayout.ShardedTables.Contains(name);
            if (sharded || !ClickHouseLayout.ShardedTables.Contains(name))
            {
                var table = sharded
                    ? $"Distributed({layout.Cluster}, {ClickHouseConnection.Quote(layout.ShardDatabase)}, {name}_local, cityHash64(store_id, shard_key))"
                    : engine;
                connection.Execute($"CREATE TABLE IF NOT EXISTS {database}.{name} {body} ENGINE = {table}");
            }
        }

        if (layout.Cluster is { } each)
        {
            connection.Execute($"CREATE TABLE IF NOT EXISTS {database}.each_shard (dummy UInt8) ENGINE = Distributed({each}, 'system', 'one')");
        }
    }

    /// <summary>Every table that holds rows of a store.</summary>
    public static readonly IReadOnlyList<string> StoreTables = ["events", "sessions", "session_drops", "import_repeats", "writes"];

    // The tables of the first release had no shard key; without a cluster it is never read, so empty is right for old rows.
    private static void AddShardKey(ClickHouseConnection connection, string table)
    {
        var condition = $"database = {ClickHouseConnection.Quote(connection.Database)} AND table = {ClickHouseConnection.Quote(table)}";
        if (connection.Scalar($"SELECT count() FROM system.columns WHERE {condition} AND name = 'shard_key'") == 0)
        {
            connection.Execute($"ALTER TABLE {connection.Database}.{table} ADD COLUMN shard_key String");
        }
    }
}
