namespace FunnelInsight.Tests.Core.Analytics;

/// <summary>Hand-made stores shared by the leak, abandonment and friction tests.</summary>
internal static class CheckoutFixtures
{
    /// <summary>
    /// Five checkouts: c1 leaves after shipping (cart 100), c2 after payment (50), c3 after a login (20), c4 right
    /// after starting checkout (10), c5 buys (40).
    /// </summary>
    public const string FiveCheckouts = """
        2024-03-04T10:00:00Z,session_start,c1,u1,,,,,desktop,,,
        2024-03-04T10:01:00Z,view_item,c1,u1,,,,,desktop,,,
        2024-03-04T10:02:00Z,add_to_cart,c1,u1,p,100,,,desktop,,,
        2024-03-04T10:03:00Z,begin_checkout,c1,u1,,,,,desktop,,,
        2024-03-04T10:04:00Z,add_shipping_info,c1,u1,,,,,desktop,,,
        2024-03-04T11:00:00Z,session_start,c2,u2,,,,,desktop,,,
        2024-03-04T11:01:00Z,view_item,c2,u2,,,,,desktop,,,
        2024-03-04T11:02:00Z,add_to_cart,c2,u2,p,25,2,,desktop,,,
        2024-03-04T11:03:00Z,begin_checkout,c2,u2,,,,,desktop,,,
        2024-03-04T11:04:00Z,add_shipping_info,c2,u2,,,,,desktop,,,
        2024-03-04T11:05:00Z,add_payment_info,c2,u2,,,,,desktop,,,
        2024-03-04T12:00:00Z,session_start,c3,u3,,,,,desktop,,,
        2024-03-04T12:01:00Z,view_item,c3,u3,,,,,desktop,,,
        2024-03-04T12:02:00Z,add_to_cart,c3,u3,p,20,,,desktop,,,
        2024-03-04T12:03:00Z,begin_checkout,c3,u3,,,,,desktop,,,
        2024-03-04T12:04:00Z,login,c3,u3,,,,,desktop,,,
        2024-03-04T13:00:00Z,session_start,c4,u4,,,,,desktop,,,
        2024-03-04T13:01:00Z,view_item,c4,u4,,,,,desktop,,,
        2024-03-04T13:02:00Z,add_to_cart,c4,u4,p,10,,,desktop,,,
        2024-03-04T13:03:00Z,begin_checkout,c4,u4,,,,,desktop,,,
        2024-03-04T14:00:00Z,session_start,c5,u5,,,,,desktop,,,
        2024-03-04T14:01:00Z,view_item,c5,u5,,,,,desktop,,,
        2024-03-04T14:02:00Z,add_to_cart,c5,u5,p,40,,,desktop,,,
        2024-03-04T14:03:00Z,begin_checkout,c5,u5,,,,,desktop,,,
        2024-03-04T14:04:00Z,add_shipping_info,c5,u5,,,,,desktop,,,
        2024-03-04T14:05:00Z,add_payment_info,c5,u5,,,,,desktop,,,
        2024-03-04T14:06:00Z,purchase,c5,u5,p,40,,o5,desktop,,,
        """;

    /// <summary>
    /// RetailRocket-like events with no checkout step (view, addtocart, transaction): a buys (cart 30), b leaves with a
    /// cart of 20.
    /// </summary>
    public const string CartsWithoutCheckout = """
        2024-03-04T10:00:00Z,view,a,,p,30,,,,,,
        2024-03-04T10:01:00Z,addtocart,a,,p,30,,,,,,
        2024-03-04T10:02:00Z,transaction,a,,p,30,,t1,,,,
        2024-03-04T11:00:00Z,view,b,,p,20,,,,,,
        2024-03-04T11:01:00Z,addtocart,b,,p,20,,,,,,
        """;
}
