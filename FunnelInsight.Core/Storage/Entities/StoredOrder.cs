namespace FunnelInsight.Core.Storage.Entities;

/// <summary>One order (all lines with the same order id), as stored.</summary>
public sealed class StoredOrder
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Owning store.</summary>
    public int StoreId { get; set; }

    /// <summary>The import that first stored the order (a later export of it updates the order, not this).</summary>
    public int ImportId { get; set; }

    /// <summary>Order id as in the export (unique within the store).</summary>
    public required string OrderId { get; set; }

    /// <summary>Customer id as given, or the SHA-256 of the lower-cased e-mail; null for an anonymous order.</summary>
    public string? CustomerKey { get; set; }

    /// <summary>Order time in microseconds since the Unix epoch (UTC).</summary>
    public long CreatedUs { get; set; }

    /// <summary>Sum of the lines before shipping, tax and discount.</summary>
    public double Subtotal { get; set; }

    /// <summary>Shipping charged.</summary>
    public double Shipping { get; set; }

    /// <summary>Tax charged.</summary>
    public double Tax { get; set; }

    /// <summary>Discount given (a positive amount).</summary>
    public double Discount { get; set; }

    /// <summary>Total charged, before refunds (the gross value).</summary>
    public double Total { get; set; }

    /// <summary>Amount refunded so far; the order's net value is <see cref="Total"/> less this.</summary>
    public double Refunded { get; set; }

    /// <summary>Amount still to be paid (pending, authorized, partially paid, cash on delivery).</summary>
    public double Outstanding { get; set; }

    /// <summary>ISO 4217 currency, when given.</summary>
    public string? Currency { get; set; }

    /// <summary>Status as in the export (paid, refunded, cancelled …).</summary>
    public string? Status { get; set; }

    /// <summary>True for cancelled, voided and failed orders, which count in no customer metric.</summary>
    public bool IsCancelled { get; set; }

    /// <summary>Sales channel or source.</summary>
    public string? Channel { get; set; }

    /// <summary>Number of lines the order had in the export.</summary>
    public int LineCount { get; set; }
}
