using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>
/// Customers, orders and churn from the store's orders. Cancelled orders and orders without a customer key count
/// in no customer figure; they show only in the order counts.
/// </summary>
/// <param name="Query">The question asked.</param>
/// <param name="Orders">All orders in the range (cancelled and anonymous included).</param>
/// <param name="CancelledOrders">Cancelled orders.</param>
/// <param name="AnonymousOrders">Orders that are not cancelled and have no customer key.</param>
/// <param name="Revenue">Sum of the totals of the orders that are not cancelled.</param>
/// <param name="AverageOrderValue">Revenue / orders that are not cancelled; 0 without any.</param>
/// <param name="Customers">Distinct customer keys with an order that is not cancelled.</param>
/// <param name="RepeatPurchaseRate">Customers with two orders or more / customers.</param>
/// <param name="Inactive">Customers whose last order is more than the inactive days before the as-of day / customers.</param>
/// <param name="AsOf">The day inactivity was measured at; null when there are no orders.</param>
/// <param name="Periods">Calendar months from the first to the last order, with churn.</param>
/// <param name="Cohorts">The monthly cohort retention matrix, oldest cohort first.</param>
public sealed record CustomerReport(
    CustomerQuery Query,
    long Orders,
    long CancelledOrders,
    long AnonymousOrders,
    double Revenue,
    double AverageOrderValue,
    long Customers,
    Proportion RepeatPurchaseRate,
    Proportion Inactive,
    DateOnly? AsOf,
    IReadOnlyList<ChurnPeriod> Periods,
    IReadOnlyList<CohortRow> Cohorts);
