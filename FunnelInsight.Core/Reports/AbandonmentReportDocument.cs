using FunnelInsight.Core.Analytics.Abandonment;
using static FunnelInsight.Core.Reports.ReportColumn;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>The abandonment report: JSON with the figures and the recovery list; the recovery list as the main table.</summary>
public static class AbandonmentReportDocument
{
    /// <summary>Builds the document.</summary>
    public static ReportDocument Build(AbandonmentReport report)
    {
        var json = new
        {
            query = Query(report.Query),
            stages = TrackedStages(report.Tracked),
            cartAbandonmentRate = Rate(report.CartAbandonment),
            cartsReached = report.CartAbandonment.Total,
            cartsAbandoned = report.CartAbandonment.Count,
            checkoutAbandonmentRate = Rate(report.CheckoutAbandonment),
            checkoutsReached = report.CheckoutAbandonment.Total,
            checkoutsAbandoned = report.CheckoutAbandonment.Count,
            abandonedCartValue = report.AbandonedCartValue,
            abandonedCheckoutValue = report.AbandonedCheckoutValue,
            sessions = report.Sessions.Select(s => new
            {
                sessionId = s.SessionKey,
                visitorId = s.VisitorKey,
                lastStage = s.LastStage,
                lastStep = s.LastStep,
                cartValue = s.CartValue,
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
                    s.SessionKey, s.VisitorKey, s.LastStage, s.LastStep, s.CartValue, s.CartItems, s.StartedUtc, s.LastEventUtc,
                ]).ToList()),
            new("summary", [Text("figure"), Number("value")],
            [
                ["cartAbandonmentRate", AsPercent(Rate(report.CartAbandonment))],
                ["checkoutAbandonmentRate", AsPercent(Rate(report.CheckoutAbandonment))],
                ["abandonedCartValue", AsMoney(report.AbandonedCartValue)],
                ["abandonedCheckoutValue", AsMoney(report.AbandonedCheckoutValue)],
            ]),
        ];
        return new ReportDocument("abandonment", json, tables);
    }
}
