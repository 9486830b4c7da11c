namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>What customer figures read of one order.</summary>
/// <param name="Customer">The customer key, or null for an anonymous order.</param>
/// <param name="CreatedUs">Order time, microseconds since the Unix epoch (UTC).</param>
/// <param name="Total">Total charged, before refunds.</param>
/// <param name="Refunded">Amount refunded.</param>
/// <param name="Outstanding">Amount still to be paid.</param>
/// <param name="Cancelled">Cancelled, voided or failed.</param>
/// <param name="Currency">The order's currency as exported, upper case; null when the export gives none.</param>
internal readonly record struct OrderFact(string? Customer, long CreatedUs, double Total, double Refunded, double Outstanding, bool Cancelled, string? Currency)
{
    /// <summary>True when the whole total was refunded: such an order counts in no customer figure, like a cancelled one.</summary>
    public bool FullyRefunded => Total > 0 && Refunded >= Total;
}
