using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>One calendar month (in the store's time zone) of customer activity and churn.</summary>
/// <param name="Period">The month, <c>yyyy-MM</c>.</param>
/// <param name="Partial">True when the data covers only part of the month.</param>
/// <param name="ActiveCustomers">Customers with an order in the month.</param>
/// <param name="NewCustomers">Customers whose first order is in the month.</param>
/// <param name="ActiveAtStart">Customers with an order in the month before.</param>
/// <param name="Churned">Of those, customers with no order in this month.</param>
/// <param name="ChurnRate">churned / active at start; no data for a partial month or the first month.</param>
/// <param name="NoRateReason">Why the month has no churn rate; null when it has one.</param>
public sealed record ChurnPeriod(
    string Period,
    bool Partial,
    long ActiveCustomers,
    long NewCustomers,
    long ActiveAtStart,
    long Churned,
    Proportion ChurnRate,
    string? NoRateReason);
