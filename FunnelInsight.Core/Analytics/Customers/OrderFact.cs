namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>What customer figures read of one order.</summary>
internal readonly record struct OrderFact(string? Customer, long CreatedUs, double Total, bool Cancelled);
