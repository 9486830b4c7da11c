namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>A checkout friction the data gives evidence of, with what it costs and what to do.</summary>
/// <param name="Key">Stable key: <c>abandonment_above_benchmark</c>, <c>surprise_costs</c>, <c>forced_account</c>,
/// <c>payment_friction</c>, <c>mobile_checkout_gap</c>, <c>slow_pages</c>, <c>coupon_hunting</c>, <c>cart_left_behind</c>.</param>
/// <param name="Title">Short name.</param>
/// <param name="Evidence">The evidence in one sentence, with its numbers.</param>
/// <param name="Figures">The numbers themselves.</param>
/// <param name="Confidence">How firmly the evidence supports the flag.</param>
/// <param name="SessionsTouched">Sessions the friction is estimated to have touched.</param>
/// <param name="RevenueAtStake">Estimated revenue at stake (cart values, or AOV-based where noted).</param>
/// <param name="Remedy">What to do, in plain words.</param>
/// <param name="Reference">The reference figure the evidence is set against, if any.</param>
public sealed record CheckoutFrictionFlag(
    string Key,
    string Title,
    string Evidence,
    IReadOnlyList<EvidenceFigure> Figures,
    FlagConfidence Confidence,
    long SessionsTouched,
    double RevenueAtStake,
    string Remedy,
    ReferenceFigure? Reference);
