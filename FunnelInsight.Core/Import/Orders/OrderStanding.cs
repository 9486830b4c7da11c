namespace FunnelInsight.Core.Import.Orders;

/// <summary>
/// What an export's order status says about the order's money, across Shopify financial statuses
/// (<c>paid</c>, <c>partially_refunded</c>, <c>refunded</c>, <c>voided</c>, <c>pending</c>, <c>authorized</c>,
/// <c>partially_paid</c>) and WooCommerce statuses (<c>wc-completed</c>, <c>processing</c>, <c>on-hold</c>,
/// <c>pending</c>, <c>failed</c>, <c>cancelled</c>, <c>refunded</c>).
/// </summary>
internal static class OrderStanding
{
    private static readonly string[] Void = ["cancelled", "canceled", "voided", "void", "failed"];
    private static readonly string[] Unpaid = ["pending", "pending_payment", "authorized", "on_hold"];
    private static readonly string[] Settled = ["paid", "partially_refunded", "refunded"];

    /// <summary>True for a status whose order never happened as a sale: cancelled, voided, failed.</summary>
    public static bool IsVoid(string? status) => Void.Contains(Normalize(status));

    /// <summary>True for a status that says the whole order was refunded.</summary>
    public static bool IsRefunded(string? status) => Normalize(status) == "refunded";

    /// <summary>True for a status that says the order was paid in full (Shopify <c>paid</c>, and the refunded ones after it).</summary>
    public static bool IsSettled(string? status) => Settled.Contains(Normalize(status));

    /// <summary>True for a status that says nothing of the order has been paid yet (cash on delivery is pending).</summary>
    public static bool IsUnpaid(string? status) => Unpaid.Contains(Normalize(status));

    // "wc-on-hold", "On hold" and "on_hold" are one status.
    private static string Normalize(string? status)
    {
        var text = (status ?? "").Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return text.StartsWith("wc_", StringComparison.Ordinal) ? text[3..] : text;
    }
}
