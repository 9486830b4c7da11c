using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>One event name that lost units ended on.</summary>
/// <param name="EventName">The event name as the export wrote it.</param>
/// <param name="Units">Lost units (sessions, or visitors in visitor scope) whose last event it was.</param>
/// <param name="Share">Those units / all lost units at the stage.</param>
public sealed record ExitEvent(string EventName, long Units, Proportion Share);
