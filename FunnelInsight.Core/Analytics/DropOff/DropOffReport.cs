using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>Where the sessions that reached the stage before <see cref="Stage"/> and not <see cref="Stage"/> itself went last.</summary>
/// <param name="Query">The question asked (counted per session, in the query's mode).</param>
/// <param name="Stage">The stage they did not reach (product … purchase).</param>
/// <param name="Lost">Sessions that reached the stage before and not this one.</param>
/// <param name="LastEvents">Their last event names, most sessions first (ties: by name); shares are of <paramref name="Lost"/>.</param>
public sealed record DropOffReport(FunnelQuery Query, FunnelStage Stage, long Lost, IReadOnlyList<ExitEvent> LastEvents);
