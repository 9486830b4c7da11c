using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>
/// Customers, orders, revenue and churn from the store's orders. Cancelled (voided, failed) and fully refunded orders,
/// and orders without a customer key, count in no customer figure; they show only in the order counts.
/// </summary>
/// <param name="Query">The question asked.</param>
/// <param name="Orders">All orders in the range (cancelled, refunded and anonymous included).</param>
/// <param name="CancelledOrders">Cancelled, voided and failed orders.</param>
/// <param name="RefundedOrders">Fully refunded orders (not cancelled).</param>
/// <param name="AnonymousOrders">Orders that count (neither cancelled nor fully refunded) with no customer key.</param>
/// <param name="Sales">Gross, refunds, net, outstanding and the other currencies, in the store's currency.</param>
/// <param name="Customers">Distinct customer keys with an order that counts.</param>
/// <param name="RepeatPurchaseRate">Customers with two orders or more / customers.</param>
/// <param name="Inactive">Customers whose last order is more than the inactive days before the as-of day / customers.</param>
/// <param name="AsOf">The day inactivity was measured at; null when there are no orders.</param>
/// <param name="Periods">Calendar months (in the store's time zone) from the first to the last order, with churn.</param>
/// <param name="Cohorts">The monthly cohort retention matrix, oldest cohort first.</param>
public sealed record CustomerReport(
    CustomerQuery Query,
    long Orders,
    long CancelledOrders,
    long RefundedOrders,
    long AnonymousOrders,
    OrderRevenue Sales,
    long Customers,
    Proportion RepeatPurchaseRate,
    Proportion Inactive,
    DateOnly? AsOf,
    IReadOnlyList<ChurnPeriod> Periods,
    IReadOnlyList<CohortRow> Cohorts)
{
    /// <summary>Net revenue (gross less refunds) in the store's currency.</summary>
    public double Revenue => Sales.Net;

    /// <summary>Net revenue / orders that count, in the store's currency; 0 without any.</summary>
    public double AverageOrderValue => Sales.AverageOrderValue;
}
