using FunnelInsight.Core.Analytics.Funnel.Defined;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// One stage of a funnel. The drop-off is the loss from the previous tracked stage into this one. An untracked stage
/// (no event of the store maps to it) has no count and no rates.
/// </summary>
/// <param name="Stage">The stage (of a user-defined step: its stage, or landing for a step of event names; see <see cref="Defined"/>).</param>
/// <param name="Tracked">False when the store's data never sends this stage.</param>
/// <param name="Reached">Units that reached it; null when untracked.</param>
/// <param name="StepConversion">reached(k) / reached(previous tracked stage); for landing, reached / reached (1 when any landed).</param>
/// <param name="DropOff">reached(previous tracked stage) − reached(k) (0 for landing; can be negative in an open funnel); null when untracked.</param>
/// <param name="DropRate">drop-off / reached(previous tracked stage).</param>
public sealed record FunnelStep(FunnelStage Stage, bool Tracked, long? Reached, Proportion StepConversion, long? DropOff, Proportion DropRate)
{
    /// <summary>The user-defined step this is; null in the five-stage funnel.</summary>
    public FunnelStepDefinition? Defined { get; init; }

    /// <summary>The step's name in reports: a user-defined step's written form, or the stage's name.</summary>
    public string Name => Defined?.Text ?? Stage.ToString().ToLowerInvariant();

    /// <summary>A stage the store's data does not track.</summary>
    public static FunnelStep NotTracked(FunnelStage stage) => new(stage, false, null, Proportion.None, null, Proportion.None);
}
