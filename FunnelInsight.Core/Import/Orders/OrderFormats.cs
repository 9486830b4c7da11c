namespace FunnelInsight.Core.Import.Orders;

/// <summary>The order export layouts FunnelInsight recognises from a file's header.</summary>
public static class OrderFormats
{
    /// <summary>The canonical FunnelInsight order layout (see the README).</summary>
    public static OrderFormat Canonical { get; } = new(
        "canonical",
        "FunnelInsight canonical orders",
        Enum.GetValues<OrderField>()
            .Where(field => field is not (OrderField.LineQuantity or OrderField.LineUnitPrice))
            .ToDictionary(field => field, field => new[] { field.Name() }),
        [["order_id"], ["created_at"], ["total"]]);

    /// <summary>Shopify's orders export: one row per line item; order values on the order's first row.</summary>
    public static OrderFormat Shopify { get; } = new(
        "shopify",
        "Shopify orders export",
        new Dictionary<OrderField, string[]>
        {
            [OrderField.OrderId] = ["Name"],
            [OrderField.CustomerId] = ["Customer ID"],
            [OrderField.Email] = ["Email"],
            [OrderField.CreatedAt] = ["Created at"],
            [OrderField.Subtotal] = ["Subtotal"],
            [OrderField.Shipping] = ["Shipping"],
            [OrderField.Tax] = ["Taxes"],
            [OrderField.Discount] = ["Discount Amount"],
            [OrderField.Total] = ["Total"],
            [OrderField.Currency] = ["Currency"],
            [OrderField.Status] = ["Financial Status"],
            [OrderField.Channel] = ["Source"],
            [OrderField.CancelledAt] = ["Cancelled at"],
            [OrderField.Refunded] = ["Refunded Amount"],
            [OrderField.Outstanding] = ["Outstanding Balance"],
        },
        [["Name"], ["Email"], ["Financial Status"], ["Created at"], ["Total"]]);

    /// <summary>
    /// WooCommerce's order export (one row per order, or per line item with the order repeated), with title-case headers
    /// (<c>Order Number</c>) or the all-lowercase ones of the store's own CSV export (<c>order_number</c>, <c>order_total</c>).
    /// </summary>
    public static OrderFormat WooCommerce { get; } = new(
        "woocommerce",
        "WooCommerce orders export",
        new Dictionary<OrderField, string[]>
        {
            [OrderField.OrderId] = ["Order Number", "Order ID"],
            [OrderField.CustomerId] = ["Customer User ID", "Customer ID", "Customer User"],
            [OrderField.Email] = ["Billing Email Address", "Billing Email", "Email (Billing)", "Customer Email"],
            [OrderField.CreatedAt] = ["Order Date", "Date"],
            [OrderField.Subtotal] = ["Order Subtotal Amount", "Order Subtotal", "Subtotal"],
            [OrderField.Shipping] = ["Order Shipping Amount", "Shipping Total", "Order Shipping"],
            [OrderField.Tax] = ["Order Total Tax Amount", "Tax Total", "Order Tax"],
            [OrderField.Discount] = ["Cart Discount Amount", "Discount Total", "Order Discount", "Cart Discount"],
            [OrderField.Total] = ["Order Total Amount", "Order Total"],
            [OrderField.Currency] = ["Order Currency", "Currency"],
            [OrderField.Status] = ["Order Status", "Status"],
            [OrderField.Channel] = ["Created Via", "Payment Method Title"],
            [OrderField.Refunded] = ["Order Refund Amount", "Refund Amount", "Total Refunded", "Refunded Total"],
        },
        [["Order Number", "Order ID"], ["Order Status", "Status"], ["Order Date"], ["Order Total Amount", "Order Total"]]);

    /// <summary>
    /// The UCI "Online Retail" and "Online Retail II" data sets (<c>InvoiceNo</c>/<c>Invoice</c>, <c>UnitPrice</c>/<c>Price</c>):
    /// invoice lines summed into orders; C-prefixed invoices are cancellations.
    /// </summary>
    public static OrderFormat UciOnlineRetail { get; } = new(
        "uci",
        "UCI Online Retail",
        new Dictionary<OrderField, string[]>
        {
            [OrderField.OrderId] = ["InvoiceNo", "Invoice"],
            [OrderField.CustomerId] = ["CustomerID", "Customer ID"],
            [OrderField.CreatedAt] = ["InvoiceDate"],
            [OrderField.LineQuantity] = ["Quantity"],
            [OrderField.LineUnitPrice] = ["UnitPrice", "Price"],
        },
        [["InvoiceNo", "Invoice"], ["StockCode"], ["InvoiceDate"], ["UnitPrice", "Price"]],
        CancelledIdPrefix: "C");

    /// <summary>Any other CSV: every field comes from the user's column mapping.</summary>
    public static OrderFormat Custom { get; } = new("custom", "Custom column mapping", new Dictionary<OrderField, string[]>(), []);

    /// <summary>All formats, in the order detection tries them.</summary>
    public static IReadOnlyList<OrderFormat> All { get; } = [Shopify, WooCommerce, UciOnlineRetail, Canonical, Custom];

    /// <summary>The first format whose signature columns are all in <paramref name="header"/>, or null.</summary>
    public static OrderFormat? Detect(IReadOnlyList<string> header) =>
        All.FirstOrDefault(format => format.Signature.Count > 0 && format.Signature.All(names => HeaderName.Find(header, names) >= 0));
}
