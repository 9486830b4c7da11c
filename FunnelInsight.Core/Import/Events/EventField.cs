namespace FunnelInsight.Core.Import.Events;

/// <summary>The fields of an event, named as in the canonical FunnelInsight layout.</summary>
public enum EventField
{
    /// <summary><c>event_time</c>: required.</summary>
    Time,

    /// <summary><c>event_type</c>: required.</summary>
    EventName,

    /// <summary><c>session_id</c>: required in the canonical layout; sessions are cut by inactivity where a format has none.</summary>
    SessionId,

    /// <summary><c>user_id</c>: the visitor; defaults to the session id.</summary>
    VisitorId,

    /// <summary><c>product_id</c>.</summary>
    ProductId,

    /// <summary><c>price</c>: unit price, never negative.</summary>
    Price,

    /// <summary><c>quantity</c>.</summary>
    Quantity,

    /// <summary><c>order_id</c>.</summary>
    OrderId,

    /// <summary><c>device</c>.</summary>
    Device,

    /// <summary><c>channel</c>.</summary>
    Channel,

    /// <summary><c>country</c>.</summary>
    Country,

    /// <summary><c>page_load_ms</c>.</summary>
    PageLoadMs,
}

/// <summary>Canonical names of <see cref="EventField"/>, as used in the canonical header and in <c>--map</c>.</summary>
public static class EventFieldNames
{
    private static readonly string[] Names =
    [
        "event_time", "event_type", "session_id", "user_id", "product_id", "price", "quantity", "order_id",
        "device", "channel", "country", "page_load_ms",
    ];

    /// <summary>The canonical name of a field.</summary>
    public static string Name(this EventField field) => Names[(int)field];

    /// <summary>Finds the field with a canonical name (case-insensitive).</summary>
    public static bool TryParse(string name, out EventField field)
    {
        var index = Array.FindIndex(Names, n => n.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        field = (EventField)Math.Max(index, 0);
        return index >= 0;
    }
}
