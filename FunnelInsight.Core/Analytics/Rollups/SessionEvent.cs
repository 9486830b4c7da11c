namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>One event of a session as the rollup reads it, with its meaning under the store's stage map.</summary>
/// <param name="TimeUs">Event time, microseconds since the Unix epoch.</param>
/// <param name="EventName">Event name as in the file.</param>
/// <param name="Meaning">What the name means to the funnel.</param>
/// <param name="Price">Unit price, when given.</param>
/// <param name="Quantity">Quantity, when given.</param>
/// <param name="Device">Device, when given.</param>
/// <param name="Channel">Channel, when given.</param>
/// <param name="Country">Country, when given.</param>
/// <param name="PageLoadMs">Page load time, when given.</param>
public readonly record struct SessionEvent(
    long TimeUs,
    string EventName,
    EventMeaning Meaning,
    double? Price,
    int? Quantity,
    string? Device,
    string? Channel,
    string? Country,
    int? PageLoadMs);
