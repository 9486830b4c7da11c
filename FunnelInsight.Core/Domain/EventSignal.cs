namespace FunnelInsight.Core.Domain;

/// <summary>Events outside the stage map that analytics read as friction signals.</summary>
[Flags]
public enum EventSignal
{
    /// <summary>No signal.</summary>
    None = 0,

    /// <summary>An item was removed from the cart.</summary>
    RemoveFromCart = 1,

    /// <summary>A payment attempt failed.</summary>
    PaymentFailed = 2,

    /// <summary>A coupon code was rejected.</summary>
    CouponFailed = 4,
}
