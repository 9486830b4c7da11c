using FunnelInsight.Core.Analytics.Customers;
using static FunnelInsight.Core.Reports.ReportColumn;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// The customer report: JSON with the figures, periods and cohorts; the periods as the main table. <c>revenue</c> is
/// net of refunds (<c>grossRevenue</c> − <c>refunds</c>), in <c>currency</c>; orders in other currencies are only counted.
/// </summary>
public static class CustomerReportDocument
{
    /// <summary>Builds the document.</summary>
    public static ReportDocument Build(CustomerReport report)
    {
        var currency = report.Sales.Currency;
        var json = new
        {
            query = new { from = Day(report.Query.From), to = Day(report.Query.To), inactiveDays = report.Query.InactiveDays },
            customers = report.Customers,
            orders = report.Orders,
            cancelledOrders = report.CancelledOrders,
            refundedOrders = report.RefundedOrders,
            anonymousOrders = report.AnonymousOrders,
            currency = report.Sales.Currency,
            grossRevenue = Money(report.Sales.Gross, currency),
            refunds = Money(report.Sales.Refunds, currency),
            netRevenue = Money(report.Sales.Net, currency),
            revenue = Money(report.Revenue, currency),
            averageOrderValue = Money(report.AverageOrderValue, currency),
            outstanding = Money(report.Sales.Outstanding, currency),
            unpaidOrders = report.Sales.UnpaidOrders,
            otherCurrencyOrders = report.Sales.OtherCurrencies.Select(c => new { currency = c.Currency, orders = c.Orders }),
            otherCurrencyNote = report.Sales.OtherCurrenciesNote,
            repeatPurchaseRate = Rate(report.RepeatPurchaseRate),
            repeatCustomers = report.RepeatPurchaseRate.Count,
            asOf = Day(report.AsOf),
            inactiveCustomers = report.Inactive.Count,
            inactiveRate = Rate(report.Inactive),
            periods = report.Periods.Select(p => new
            {
                period = p.Period,
                partial = p.Partial,
                activeCustomers = p.ActiveCustomers,
                newCustomers = p.NewCustomers,
                activeAtStart = p.ActiveAtStart,
                churned = p.Churned,
                churnRate = Rate(p.ChurnRate),
                noRateReason = p.NoRateReason,
            }),
            cohorts = report.Cohorts.Select(c => new { cohort = c.Cohort, customers = c.Customers, retention = c.Retention.Select(Rate) }),
        };
        var longest = report.Cohorts.Count == 0 ? 0 : report.Cohorts.Max(c => c.Retention.Count);
        ReportTable[] tables =
        [
            new("periods", [Month("period"), Boolean("partial"), Count("activeCustomers"), Count("newCustomers"), Count("activeAtStart"), Count("churned"), Percent("churnRate"), Text("noRateReason")],
                report.Periods.Select(p => (IReadOnlyList<object?>)
                [
                    MonthStart(p.Period), p.Partial, p.ActiveCustomers, p.NewCustomers, p.ActiveAtStart, p.Churned, Rate(p.ChurnRate), p.NoRateReason,
                ]).ToList()),
            new("summary", [Text("figure"), Number("value")],
            [
                ["customers", AsCount(report.Customers)], ["orders", AsCount(report.Orders)], ["cancelledOrders", AsCount(report.CancelledOrders)],
                ["refundedOrders", AsCount(report.RefundedOrders)], ["anonymousOrders", AsCount(report.AnonymousOrders)], ["currency", AsText(report.Sales.Currency)],
                ["grossRevenue", AsMoney(report.Sales.Gross, currency)], ["refunds", AsMoney(report.Sales.Refunds, currency)], ["netRevenue", AsMoney(report.Sales.Net, currency)],
                ["averageOrderValue", AsMoney(report.AverageOrderValue, currency)], ["outstanding", AsMoney(report.Sales.Outstanding, currency)], ["unpaidOrders", AsCount(report.Sales.UnpaidOrders)],
                ["otherCurrencyNote", AsText(report.Sales.OtherCurrenciesNote)],
                ["repeatPurchaseRate", AsPercent(Rate(report.RepeatPurchaseRate))], ["inactiveRate", AsPercent(Rate(report.Inactive))],
            ]),
            new("cohorts", [Month("cohort"), Count("customers"), .. Enumerable.Range(0, longest).Select(m => Percent($"month{m}"))],
                report.Cohorts.Select(c => (IReadOnlyList<object?>)[MonthStart(c.Cohort), c.Customers, .. c.Retention.Select(r => (object?)Rate(r))]).ToList()),
        ];
        return new ReportDocument("customers", json, tables);
    }
}
