using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>One stage of a funnel. The drop-off is the loss from the previous stage into this one.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Reached">Units that reached it.</param>
/// <param name="StepConversion">reached(k) / reached(k−1); for landing, reached / reached (1 when any landed).</param>
/// <param name="DropOff">reached(k−1) − reached(k) (0 for landing; can be negative in an open funnel).</param>
/// <param name="DropRate">drop-off / reached(k−1).</param>
public sealed record FunnelStep(FunnelStage Stage, long Reached, Proportion StepConversion, long DropOff, Proportion DropRate);
