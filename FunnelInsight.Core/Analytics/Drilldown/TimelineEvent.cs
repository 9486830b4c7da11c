namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>One event of a <see cref="SessionTimeline"/>.</summary>
/// <param name="Time">When it happened, in the store's time zone.</param>
/// <param name="Gap">Time since the session's previous event; null for the first.</param>
/// <param name="Name">The event name as the export wrote it.</param>
/// <param name="Stage">The stage its name maps to under the store's stage map; null for other events.</param>
/// <param name="Reaches">The stages the ordered funnel reached at this event (the first event lands, and may also reach its own stage).</param>
/// <param name="Product">Product id.</param>
/// <param name="Price">Price.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="Order">Order id.</param>
/// <param name="PageLoadMs">Page-load time in milliseconds.</param>
/// <param name="Line">Its line in the file of the import that stored it.</param>
public sealed record TimelineEvent(
    DateTimeOffset Time,
    TimeSpan? Gap,
    string Name,
    FunnelStage? Stage,
    IReadOnlyList<FunnelStage> Reaches,
    string? Product,
    double? Price,
    int? Quantity,
    string? Order,
    int? PageLoadMs,
    long Line);
