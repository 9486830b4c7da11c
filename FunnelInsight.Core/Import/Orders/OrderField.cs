namespace FunnelInsight.Core.Import.Orders;

/// <summary>The fields of an order export, named as in the canonical order layout.</summary>
public enum OrderField
{
    /// <summary><c>order_id</c>: required; rows with the same id are lines of one order.</summary>
    OrderId,

    /// <summary><c>customer_id</c>.</summary>
    CustomerId,

    /// <summary><c>email</c>: the customer key when there is no customer id (stored hashed).</summary>
    Email,

    /// <summary><c>created_at</c>: required.</summary>
    CreatedAt,

    /// <summary><c>subtotal</c>.</summary>
    Subtotal,

    /// <summary><c>shipping</c>.</summary>
    Shipping,

    /// <summary><c>tax</c>.</summary>
    Tax,

    /// <summary><c>discount</c>.</summary>
    Discount,

    /// <summary><c>total</c>.</summary>
    Total,

    /// <summary><c>currency</c>.</summary>
    Currency,

    /// <summary><c>status</c>.</summary>
    Status,

    /// <summary><c>channel</c>.</summary>
    Channel,

    /// <summary><c>cancelled_at</c>: a non-empty value marks the order cancelled (Shopify).</summary>
    CancelledAt,

    /// <summary><c>quantity</c> of a line, for exports that give lines, not order totals (UCI Online Retail).</summary>
    LineQuantity,

    /// <summary><c>unit_price</c> of a line.</summary>
    LineUnitPrice,

    /// <summary><c>refunded</c>: the amount refunded so far (Shopify <c>Refunded Amount</c>); the order's net value is its total less this.</summary>
    Refunded,

    /// <summary><c>outstanding</c>: the amount still to be paid (Shopify <c>Outstanding Balance</c>).</summary>
    Outstanding,
}

/// <summary>Canonical names of <see cref="OrderField"/>, as used in the canonical header and in <c>--map</c>.</summary>
public static class OrderFieldNames
{
    private static readonly string[] Names =
    [
        "order_id", "customer_id", "email", "created_at", "subtotal", "shipping", "tax", "discount", "total",
        "currency", "status", "channel", "cancelled_at", "quantity", "unit_price", "refunded", "outstanding",
    ];

    /// <summary>The canonical name of a field.</summary>
    public static string Name(this OrderField field) => Names[(int)field];

    /// <summary>Finds the field with a canonical name (case-insensitive).</summary>
    public static bool TryParse(string name, out OrderField field)
    {
        var index = Array.FindIndex(Names, n => n.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        field = (OrderField)Math.Max(index, 0);
        return index >= 0;
    }
}
