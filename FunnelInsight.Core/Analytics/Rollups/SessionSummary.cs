namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// The per-session rollup every funnel, leak and abandonment figure is computed from. Built by the
/// import from the store's events and stage map (<see cref="SessionRollupBuilder"/>), so analytics never rescan raw
/// events; stored as a row of the event store's sessions table.
/// </summary>
public sealed class SessionSummary
{
    /// <summary>Session id (from the file, or <c>visitor#start</c> for sessions cut by inactivity).</summary>
    public required string SessionKey { get; set; }

    /// <summary>True when the export gave the session id; false for a session cut from its visitor's events by inactivity.</summary>
    public bool FromSessionId { get; set; }

    /// <summary>Visitor the session belongs to.</summary>
    public required string VisitorKey { get; set; }

    /// <summary>Time of the first event (the landing), microseconds since the Unix epoch.</summary>
    public long StartUs { get; set; }

    /// <summary>Time of the last event.</summary>
    public long EndUs { get; set; }

    /// <summary>First device value seen in the session.</summary>
    public string? Device { get; set; }

    /// <summary>First channel value seen in the session.</summary>
    public string? Channel { get; set; }

    /// <summary>First country value seen in the session.</summary>
    public string? Country { get; set; }

    /// <summary>Ordered funnel: the deepest stage reached (0 = landing … 4 = purchase).</summary>
    public int OrderedDepth { get; set; }

    /// <summary>Ordered funnel: time the session reached product, or null.</summary>
    public long? ProductUs { get; set; }

    /// <summary>Ordered funnel: time the session reached cart, or null.</summary>
    public long? CartUs { get; set; }

    /// <summary>Ordered funnel: time the session reached checkout, or null.</summary>
    public long? CheckoutUs { get; set; }

    /// <summary>Ordered funnel: time the session reached purchase, or null.</summary>
    public long? PurchaseUs { get; set; }

    /// <summary>Open funnel: bit k set when the session has any event of stage k (landing always set).</summary>
    public int OpenMask { get; set; }

    /// <summary>Checkout sub-steps (bit per <see cref="Domain.CheckoutStep"/>) seen from the event that reached the ordered checkout on.</summary>
    public int StepMask { get; set; }

    /// <summary>The last checkout sub-step seen from the ordered checkout on and before any purchase.</summary>
    public int LastStep { get; set; }

    /// <summary>Friction signals (<see cref="Domain.EventSignal"/>) seen in the session.</summary>
    public int SignalMask { get; set; }

    /// <summary>The signal carried by the session's last event, if any (an exit right after it).</summary>
    public int ExitSignal { get; set; }

    /// <summary>Name of the session's last event.</summary>
    public required string LastEventName { get; set; }

    /// <summary>Add-to-cart value (price × quantity) less removals, never below zero.</summary>
    public double CartValue { get; set; }

    /// <summary>Items added to the cart less items removed, never below zero.</summary>
    public int CartItems { get; set; }

    /// <summary>Value of the session's purchase events (price × quantity).</summary>
    public double PurchaseValue { get; set; }

    /// <summary>Number of events in the session.</summary>
    public int EventCount { get; set; }

    /// <summary>Average page-load time over the events that carry one, or null.</summary>
    public double? AvgPageLoadMs { get; set; }

    /// <summary>
    /// The session's stage events in order, for visitor-scope funnels: 9 bytes each, the time
    /// (little-endian microseconds) and the stage.
    /// </summary>
    public required byte[] StagePath { get; set; }
}
