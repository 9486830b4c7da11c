using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>One event name that lost sessions ended on.</summary>
/// <param name="EventName">The event name as the export wrote it.</param>
/// <param name="Sessions">Lost sessions whose last event it was.</param>
/// <param name="Share">Those sessions / all lost sessions at the stage.</param>
public sealed record ExitEvent(string EventName, long Sessions, Proportion Share);
