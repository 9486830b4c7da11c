namespace FunnelInsight.Core.Storage.Entities;

/// <summary>
/// One behavioural event as stored. Its stage is not stored: it is derived through the store's
/// stage map when session rollups are built, so a map edit needs no rewrite of events.
/// </summary>
public sealed class StoredEvent
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Owning store.</summary>
    public int StoreId { get; set; }

    /// <summary>The import that first stored the event.</summary>
    public int ImportId { get; set; }

    /// <summary>Event time in microseconds since the Unix epoch (UTC).</summary>
    public long TimeUs { get; set; }

    /// <summary>1-based line in the import file; orders events that share a time.</summary>
    public long Line { get; set; }

    /// <summary>Session id from the file, or null when the file has none (sessions are then cut by inactivity).</summary>
    public string? SessionKey { get; set; }

    /// <summary>Visitor id (the session id when the file has no visitor column).</summary>
    public required string VisitorKey { get; set; }

    /// <summary>Event name as in the file.</summary>
    public required string EventName { get; set; }

    /// <summary>Product id, when given.</summary>
    public string? ProductId { get; set; }

    /// <summary>Unit price, when given.</summary>
    public double? Price { get; set; }

    /// <summary>Quantity, when given.</summary>
    public int? Quantity { get; set; }

    /// <summary>Order id, when given.</summary>
    public string? OrderId { get; set; }

    /// <summary>Device category (mobile, desktop, tablet).</summary>
    public string? Device { get; set; }

    /// <summary>Channel or traffic source.</summary>
    public string? Channel { get; set; }

    /// <summary>Country.</summary>
    public string? Country { get; set; }

    /// <summary>Page load time in milliseconds.</summary>
    public int? PageLoadMs { get; set; }

    /// <summary>64-bit hash of what identifies the event; unique within the store.</summary>
    public long IdentityHash { get; set; }
}
