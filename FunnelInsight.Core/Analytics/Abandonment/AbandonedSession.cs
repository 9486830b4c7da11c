namespace FunnelInsight.Core.Analytics.Abandonment;

/// <summary>One abandoned cart, as a line of the recovery list for reminder e-mails.</summary>
/// <param name="SessionKey">The session.</param>
/// <param name="VisitorKey">The visitor to remind.</param>
/// <param name="LastStage">Deepest stage reached short of purchase (cart or checkout).</param>
/// <param name="LastStep">The last checkout sub-step reached (account, shipping_info, coupon, payment_info), or null.</param>
/// <param name="CartValue">Added-to-cart value less removals.</param>
/// <param name="CartItems">Items added less items removed.</param>
/// <param name="StartedUtc">When the session began.</param>
/// <param name="LastEventUtc">When its last event happened.</param>
public sealed record AbandonedSession(
    string SessionKey,
    string VisitorKey,
    string LastStage,
    string? LastStep,
    double CartValue,
    int CartItems,
    DateTime StartedUtc,
    DateTime LastEventUtc);
