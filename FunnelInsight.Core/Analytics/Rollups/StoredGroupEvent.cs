namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>One stored event as the <see cref="SessionRollupBuilder"/> takes it.</summary>
/// <param name="HasSession">True when the event has a session id; false when its visitor's events are cut into sessions by inactivity.</param>
/// <param name="GroupKey">Its session id, or its visitor without one.</param>
/// <param name="VisitorKey">Its visitor.</param>
/// <param name="TimeUs">Event time, microseconds since the Unix epoch.</param>
/// <param name="EventName">Event name as in the file.</param>
/// <param name="Price">Unit price, when given.</param>
/// <param name="Quantity">Quantity, when given.</param>
/// <param name="Device">Device, when given.</param>
/// <param name="Channel">Channel, when given.</param>
/// <param name="Country">Country, when given.</param>
/// <param name="PageLoadMs">Page load time, when given.</param>
internal readonly record struct StoredGroupEvent(
    bool HasSession,
    string GroupKey,
    string? VisitorKey,
    long TimeUs,
    string? EventName,
    double? Price,
    int? Quantity,
    string? Device,
    string? Channel,
    string? Country,
    int? PageLoadMs);
