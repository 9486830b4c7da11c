using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>A reference figure beside the merchant's own number for it, where the data has one.</summary>
/// <param name="Reference">The published figure.</param>
/// <param name="Merchant">The merchant's matching rate, or null when the data has no counterpart.</param>
public sealed record ReferenceComparison(ReferenceFigure Reference, Proportion? Merchant);
