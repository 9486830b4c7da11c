namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// The tables of the events database. An event's group is what its session is cut from: its session id, or, for
/// events without one, its visitor (cut into sessions at the store's inactivity timeout); a session row carries its
/// group, so that an import replaces exactly the sessions of the groups it touched. <c>import_repeats</c> records the
/// stored events each import delivered again, so that deleting the import that first stored them keeps them.
/// </summary>
internal static class DuckDbSchema
{
    /// <summary>Creates what is missing.</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            id BIGINT NOT NULL,
            store_id INTEGER NOT NULL,
            import_id INTEGER NOT NULL,
            has_session BOOLEAN NOT NULL,
            group_key VARCHAR NOT NULL,
            time_us BIGINT NOT NULL,
            line BIGINT NOT NULL,
            identity_hash BIGINT NOT NULL,
            session_key VARCHAR,
            visitor_key VARCHAR,
            event_name VARCHAR,
            product_id VARCHAR,
            order_id VARCHAR,
            price DOUBLE,
            quantity INTEGER,
            page_load_ms INTEGER,
            device VARCHAR,
            channel VARCHAR,
            country VARCHAR);
        CREATE TABLE IF NOT EXISTS sessions (
            id BIGINT NOT NULL,
            store_id INTEGER NOT NULL,
            has_session BOOLEAN NOT NULL,
            group_key VARCHAR NOT NULL,
            session_key VARCHAR NOT NULL,
            visitor_key VARCHAR NOT NULL,
            start_us BIGINT NOT NULL,
            end_us BIGINT NOT NULL,
            device VARCHAR,
            channel VARCHAR,
            country VARCHAR,
            ordered_depth INTEGER NOT NULL,
            product_us BIGINT,
            cart_us BIGINT,
            checkout_us BIGINT,
            purchase_us BIGINT,
            open_mask INTEGER NOT NULL,
            step_mask INTEGER NOT NULL,
            last_step INTEGER NOT NULL,
            signal_mask INTEGER NOT NULL,
            exit_signal INTEGER NOT NULL,
            last_event_name VARCHAR NOT NULL,
            cart_value DOUBLE NOT NULL,
            cart_items INTEGER NOT NULL,
            purchase_value DOUBLE NOT NULL,
            event_count INTEGER NOT NULL,
            avg_page_load_ms DOUBLE,
            stage_path BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS import_repeats (
            store_id INTEGER NOT NULL,
            import_id INTEGER NOT NULL,
            event_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS pending_writes (
            kind VARCHAR NOT NULL,
            store_id INTEGER NOT NULL,
            import_id INTEGER);
        """;
}
