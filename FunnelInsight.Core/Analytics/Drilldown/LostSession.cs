namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>One session of a <see cref="LostSessionsReport"/>.</summary>
/// <param name="SessionKey">The session's key, which opens its timeline.</param>
/// <param name="VisitorKey">Its visitor.</param>
/// <param name="Started">Its first event, in the store's time zone.</param>
/// <param name="Duration">From its first event to its last.</param>
/// <param name="Events">How many events it has.</param>
/// <param name="LastEvent">The name of its last event (where it went).</param>
/// <param name="CartValue">Its cart value (added less removed).</param>
/// <param name="Device">Its device.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Country">Its country.</param>
public sealed record LostSession(
    string SessionKey, string VisitorKey, DateTimeOffset Started, TimeSpan Duration, int Events, string LastEvent, double CartValue,
    string? Device, string? Channel, string? Country);
