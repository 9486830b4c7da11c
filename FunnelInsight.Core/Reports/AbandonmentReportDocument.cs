using FunnelInsight.Core.Analytics.Abandonment;
using static FunnelInsight.Core.Reports.ReportColumn;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// The abandonment report: JSON with the figures and the recovery list; the recovery list as the main table. The figures
/// of a stage the store does not track (checkout in REES46 and RetailRocket exports) are null, never 0.
/// </summary>
public static class AbandonmentReportDocument
{
    /// <summary>Builds the document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="currency">The store's currency (ISO 4217): money is rounded to its minor unit; null rounds to cents.</param>
    public static ReportDocument Build(AbandonmentReport report, string? currency = null)
    {
        var cart = report.Tracked.Contains(FunnelStage.Cart);
        var checkout = report.Tracked.Contains(FunnelStage.Checkout);
        var json = new
        {
            query = Query(report.Query),
            stages = TrackedStages(report.Tracked),
            cartAbandonmentRate = Rate(report.CartAbandonment),
            cartsReached = cart ? report.CartAbandonment.Total : (long?)null,
            cartsAbandoned = cart ? report.CartAbandonment.Count : (long?)null,
            checkoutAbandonmentRate = Rate(report.CheckoutAbandonment),
            checkoutsReached = checkout ? report.CheckoutAbandonment.Total : (long?)null,
            checkoutsAbandoned = checkout ? report.CheckoutAbandonment.Count : (long?)null,
            abandonedCartValue = cart ? Money(report.AbandonedCartValue, currency) : (double?)null,
            abandonedCheckoutValue = checkout ? Money(report.AbandonedCheckoutValue, currency) : (double?)null,
            sessions = report.Sessions.Select(s => new
            {
                sessionId = s.SessionKey,
                visitorId = s.VisitorKey,
                lastStage = s.LastStage,
                lastStep = s.LastStep,
                cartValue = Money(s.CartValue, currency),
                items = s.CartItems,
                startedUtc = s.StartedUtc,
                lastEventUtc = s.LastEventUtc,
            }),
        };
        ReportTable[] tables =
        [
            new("recovery_list", [Text("sessionId"), Text("visitorId"), Text("lastStage"), Text("lastStep"), Money("cartValue"), Count("items"), Time("startedUtc"), Time("lastEventUtc")],
                report.Sessions.Select(s => (IReadOnlyList<object?>)
                [
                    s.SessionKey, s.VisitorKey, s.LastStage, s.LastStep, Money(s.CartValue, currency), s.CartItems, s.StartedUtc, s.LastEventUtc,
                ]).ToList()),
            new("summary", [Text("figure"), Number("value")],
            [
                ["cartAbandonmentRate", AsPercent(Rate(report.CartAbandonment))],
                ["checkoutAbandonmentRate", AsPercent(Rate(report.CheckoutAbandonment))],
                ["abandonedCartValue", AsMoney(cart ? report.AbandonedCartValue : null, currency)],
                ["abandonedCheckoutValue", AsMoney(checkout ? report.AbandonedCheckoutValue : null, currency)],
            ]),
        ];
        return new ReportDocument("abandonment", json, tables);
    }
}
