namespace FunnelInsight.Core.Domain;

/// <summary>The sub-steps a checkout can pass between its start and the purchase.</summary>
public enum CheckoutStep
{
    /// <summary>Not a checkout sub-step.</summary>
    None = 0,

    /// <summary>Sign-up or login inside the checkout (forced account).</summary>
    Account = 1,

    /// <summary>Shipping details entered (add_shipping_info).</summary>
    ShippingInfo = 2,

    /// <summary>A coupon entered or applied.</summary>
    Coupon = 3,

    /// <summary>Payment details entered (add_payment_info).</summary>
    PaymentInfo = 4,
}
