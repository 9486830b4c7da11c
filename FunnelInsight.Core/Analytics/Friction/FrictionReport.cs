namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>The checkout friction flags the data supports, and the reference figures beside the merchant's numbers.</summary>
/// <param name="Query">The question asked (sessions, ordered funnel).</param>
/// <param name="Flags">Raised flags, most revenue at stake first; empty when nothing has evidence.</param>
/// <param name="References">Every reference figure with the merchant's matching number where there is one.</param>
public sealed record FrictionReport(FunnelQuery Query, IReadOnlyList<CheckoutFrictionFlag> Flags, IReadOnlyList<ReferenceComparison> References);
