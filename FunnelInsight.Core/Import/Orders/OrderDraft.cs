namespace FunnelInsight.Core.Import.Orders;

/// <summary>An order being gathered from its lines while the file is read.</summary>
internal sealed class OrderDraft(string orderId, long firstLine)
{
    public string OrderId { get; } = orderId;

    public long FirstLine { get; } = firstLine;

    public string? CustomerKey { get; set; }

    public long? CreatedUs { get; set; }

    public double? Subtotal { get; set; }

    public double? Shipping { get; set; }

    public double? Tax { get; set; }

    public double? Discount { get; set; }

    public double? Total { get; set; }

    public double? Refunded { get; set; }

    public double? Outstanding { get; set; }

    public double LineSum { get; set; }

    public string? Currency { get; set; }

    public string? Status { get; set; }

    public string? Channel { get; set; }

    public bool IsCancelled { get; set; }

    /// <summary>The offset the order's time was written with (<c>-07:00</c>), when it had one.</summary>
    public string? TimeOffset { get; set; }

    public int LineCount { get; set; }
}
