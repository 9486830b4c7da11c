namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>One session's events in the funnel's order, with the stage each reached, for a look at a single visit.</summary>
/// <param name="StoreId">The store.</param>
/// <param name="SessionKey">The session's key (the export's session id, or the one made for events without one).</param>
/// <param name="VisitorKey">Its visitor.</param>
/// <param name="TimeZone">The store's time zone (IANA name), in which every time here is given.</param>
/// <param name="Started">Its first event, in the store's time zone.</param>
/// <param name="Ended">Its last event, likewise.</param>
/// <param name="Device">Its device, as its rollup chose it.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Country">Its country.</param>
/// <param name="Reached">The deepest stage it reached in the ordered funnel.</param>
/// <param name="Tracked">The stages the store tracks (the others are passed over, as in the funnel).</param>
/// <param name="Events">Its events by time, then line in the file.</param>
public sealed record SessionTimeline(
    int StoreId,
    string SessionKey,
    string VisitorKey,
    string TimeZone,
    DateTimeOffset Started,
    DateTimeOffset Ended,
    string? Device,
    string? Channel,
    string? Country,
    FunnelStage Reached,
    TrackedStages Tracked,
    IReadOnlyList<TimelineEvent> Events)
{
    /// <summary>The visitor's other sessions in the store, newest first (at most 50).</summary>
    public IReadOnlyList<VisitorSession> OtherSessions { get; init; } = [];

    /// <summary>How many other sessions the visitor has in the store in all.</summary>
    public int OtherSessionCount { get; init; }

    /// <summary>From the first event to the last.</summary>
    public TimeSpan Duration => Ended - Started;
}
