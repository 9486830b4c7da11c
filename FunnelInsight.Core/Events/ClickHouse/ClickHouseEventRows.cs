namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>Stored events read back from ClickHouse.</summary>
internal static class ClickHouseEventRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order (with <paramref name="alias"/> before each).</summary>
    public static string Columns(string alias = "") => string.Join(", ", Names.Select(c => alias + c));

    private static readonly string[] Names =
        ["id", "import_id", "line", "time_us", "session_key", "visitor_key", "event_name", "product_id", "price", "quantity", "order_id", "device", "channel", "country", "page_load_ms"];

    /// <summary>One event from a row of <see cref="Columns"/>.</summary>
    public static StoredEvent Read(TsvRow r) => new(r.Int64(0), r.Int32(1), r.Int64(2), r.Int64(3), r.NullableString(4),
        r.NullableString(5) ?? "", r.NullableString(6) ?? "", r.NullableString(7), r.NullableDouble(8), r.NullableInt32(9), r.NullableString(10),
        r.NullableString(11), r.NullableString(12), r.NullableString(13), r.NullableInt32(14));
}
