namespace FunnelInsight.Core.Events;

/// <summary>One stored session with its events, as the engine gives them back for a drill-down.</summary>
/// <param name="Id">The session's row id.</param>
/// <param name="Keys">Its session and visitor keys and its first and last event times.</param>
/// <param name="Device">Its device, as the rollup chose it.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Country">Its country.</param>
/// <param name="Events">Its events in the funnel's order: time, then line in the file (equal times keep file order).</param>
internal sealed record SessionEvents(long Id, SessionKeys Keys, string? Device, string? Channel, string? Country, IReadOnlyList<StoredEvent> Events);
