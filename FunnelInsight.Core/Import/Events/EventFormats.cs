namespace FunnelInsight.Core.Import.Events;

/// <summary>The event export layouts FunnelInsight recognises from a file's header.</summary>
public static class EventFormats
{
    /// <summary>The canonical FunnelInsight layout (see the README).</summary>
    public static EventFormat Canonical { get; } = new(
        "canonical",
        "FunnelInsight canonical events",
        Enum.GetValues<EventField>().ToDictionary(field => field, field => new[] { field.Name() }),
        ["event_time", "event_type", "session_id"],
        [EventField.Time, EventField.EventName, EventField.SessionId],
        TimeStyle.Auto);

    /// <summary>REES46 / Kaggle "eCommerce behavior data from multi category store".</summary>
    public static EventFormat Rees46 { get; } = new(
        "rees46",
        "REES46 / Kaggle eCommerce behavior data",
        new Dictionary<EventField, string[]>
        {
            [EventField.Time] = ["event_time"],
            [EventField.EventName] = ["event_type"],
            [EventField.SessionId] = ["user_session"],
            [EventField.VisitorId] = ["user_id"],
            [EventField.ProductId] = ["product_id"],
            [EventField.Price] = ["price"],
        },
        ["event_time", "event_type", "user_session"],
        [EventField.Time, EventField.EventName, EventField.VisitorId],
        TimeStyle.Auto);

    /// <summary>GA4's BigQuery export flattened to CSV (dotted or underscored column names).</summary>
    public static EventFormat Ga4 { get; } = new(
        "ga4",
        "Google Analytics 4 (BigQuery export)",
        new Dictionary<EventField, string[]>
        {
            [EventField.Time] = ["event_timestamp"],
            [EventField.EventName] = ["event_name"],
            [EventField.SessionId] = ["ga_session_id", "event_params_ga_session_id", "session_id"],
            [EventField.VisitorId] = ["user_pseudo_id"],
            [EventField.ProductId] = ["items_item_id", "item_id"],
            [EventField.Price] = ["items_price", "item_price", "price", "ecommerce_purchase_revenue"],
            [EventField.Quantity] = ["items_quantity", "item_quantity", "quantity"],
            [EventField.OrderId] = ["ecommerce_transaction_id", "transaction_id"],
            [EventField.Device] = ["device_category"],
            [EventField.Channel] = ["traffic_source_source", "session_source", "traffic_source_medium", "source"],
            [EventField.Country] = ["geo_country", "country"],
            [EventField.PageLoadMs] = ["page_load_ms", "event_params_page_load_ms"],
        },
        ["event_timestamp", "event_name", "user_pseudo_id"],
        [EventField.Time, EventField.EventName, EventField.VisitorId],
        TimeStyle.UnixMicroseconds,
        SessionPerVisitor: true);

    /// <summary>RetailRocket's events.csv (no sessions: they are cut by inactivity).</summary>
    public static EventFormat RetailRocket { get; } = new(
        "retailrocket",
        "RetailRocket events",
        new Dictionary<EventField, string[]>
        {
            [EventField.Time] = ["timestamp"],
            [EventField.EventName] = ["event"],
            [EventField.VisitorId] = ["visitorid"],
            [EventField.ProductId] = ["itemid"],
            [EventField.OrderId] = ["transactionid"],
        },
        ["timestamp", "visitorid", "event"],
        [EventField.Time, EventField.EventName, EventField.VisitorId],
        TimeStyle.UnixMilliseconds);

    /// <summary>Any other CSV: every field comes from the user's column mapping.</summary>
    public static EventFormat Custom { get; } = new(
        "custom",
        "Custom column mapping",
        new Dictionary<EventField, string[]>(),
        [],
        [EventField.Time, EventField.EventName],
        TimeStyle.Auto);

    /// <summary>All formats, in the order detection tries them.</summary>
    public static IReadOnlyList<EventFormat> All { get; } = [Ga4, Rees46, RetailRocket, Canonical, Custom];

    /// <summary>The first format whose signature columns are all in <paramref name="header"/>, or null.</summary>
    public static EventFormat? Detect(IReadOnlyList<string> header)
    {
        var names = header.Select(HeaderName.Normalize).ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(format => format.Signature.Count > 0 && format.Signature.All(names.Contains));
    }
}
