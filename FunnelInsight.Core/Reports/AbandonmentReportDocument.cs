using FunnelInsight.Core.Analytics.Abandonment;
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
            new("recovery_list", ["sessionId", "visitorId", "lastStage", "lastStep", "cartValue", "items", "startedUtc", "lastEventUtc"],
                report.Sessions.Select(s => (IReadOnlyList<object?>)
                [
                    s.SessionKey, s.VisitorKey, s.LastStage, s.LastStep, s.CartValue, s.CartItems, s.StartedUtc, s.LastEventUtc,
                ]).ToList()),
            new("summary", ["figure", "value"],
            [
                ["cartAbandonmentRate", Rate(report.CartAbandonment)],
                ["checkoutAbandonmentRate", Rate(report.CheckoutAbandonment)],
                ["abandonedCartValue", report.AbandonedCartValue],
                ["abandonedCheckoutValue", report.AbandonedCheckoutValue],
            ]),
        ];
        return new ReportDocument("abandonment", json, tables);
    }
}
