namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>
/// Where the units (sessions, or visitors in visitor scope: the funnel's own unit) that reached the stage before
/// <see cref="Stage"/> and not <see cref="Stage"/> itself went last.
/// </summary>
/// <param name="Query">The question asked (its mode and scope decide who is lost).</param>
/// <param name="Stage">The stage they did not reach (product … purchase).</param>
/// <param name="Lost">Units that reached the stage before and not this one: the funnel's drop-off at the stage.</param>
/// <param name="LastEvents">
/// Their last event names (a visitor's: the last event of their last selected session), most units first (ties: by
/// name); shares are of <paramref name="Lost"/>.
/// </param>
public sealed record DropOffReport(FunnelQuery Query, FunnelStage Stage, long Lost, IReadOnlyList<ExitEvent> LastEvents);
