using FunnelInsight.Core.Analytics.Funnel;
using static FunnelInsight.Core.Reports.ReportColumn;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// The funnel report as JSON and tables (see the README for the shape); a user-defined funnel's steps are named by
/// their written form, and its "purchased" column is its last step.
/// </summary>
public static class FunnelReportDocument
{
    /// <summary>Builds the document.</summary>
    public static ReportDocument Build(FunnelReport report)
    {
        var json = new
        {
            query = Query(report.Query),
            stages = Stages(report.Total),
            overallConversion = Rate(report.Total.OverallConversion),
            overallConversionLow = Low(report.Total.OverallConversion),
            overallConversionHigh = High(report.Total.OverallConversion),
            cartAbandonmentRate = Rate(report.Total.CartAbandonment),
            checkoutAbandonmentRate = Rate(report.Total.CheckoutAbandonment),
            breakdown = report.Breakdown.Select(Segment),
            trend = report.Trend.Select(point => new { period = Day(point.PeriodStart), stages = Stages(point.Funnel), overallConversion = Rate(point.Funnel.OverallConversion) }),
            timeToConvert = new
            {
                purchases = report.TimeToConvert.Purchases,
                medianLandingToPurchaseSeconds = report.TimeToConvert.MedianLandingToPurchaseSeconds,
                p90LandingToPurchaseSeconds = report.TimeToConvert.P90LandingToPurchaseSeconds,
                medianCheckoutToPurchaseSeconds = report.TimeToConvert.MedianCheckoutToPurchaseSeconds,
                p90CheckoutToPurchaseSeconds = report.TimeToConvert.P90CheckoutToPurchaseSeconds,
                histogram = report.TimeToConvert.Histogram.Select(b => new { fromSeconds = b.FromSeconds, toSeconds = b.ToSeconds, fromLanding = b.FromLanding, fromCheckout = b.FromCheckout }),
            },
        };
        var segments = new[] { report.Total }.Concat(report.Breakdown).ToList();
        ReportTable[] tables =
        [
            new("funnel", [Text("segment"), Text("stage"), Count("reached"), Percent("stepConversion"), Percent("stepConversionLow"), Percent("stepConversionHigh"), Count("dropOff"), Percent("dropRate"), Boolean("tracked")],
                segments.SelectMany(s => s.Stages.Select(step => (IReadOnlyList<object?>)
                [
                    s.Label, step.Name, step.Reached, Rate(step.StepConversion), Low(step.StepConversion), High(step.StepConversion), step.DropOff, Rate(step.DropRate),
                    step.Tracked,
                ])).ToList()),
            new("summary", [Text("segment"), Count("landed"), Count("purchased"), Percent("overallConversion"), Percent("cartAbandonmentRate"), Percent("checkoutAbandonmentRate"), Percent("overallConversionLow"), Percent("overallConversionHigh")],
                segments.Select(s => (IReadOnlyList<object?>)
                [
                    s.Label, s.Landed, s.Stages[^1].Reached, Rate(s.OverallConversion), Rate(s.CartAbandonment), Rate(s.CheckoutAbandonment),
                    Low(s.OverallConversion), High(s.OverallConversion),
                ]).ToList()),
            new("trend", [Date("period"), Text("stage"), Count("reached"), Percent("stepConversion"), Boolean("tracked")],
                report.Trend.SelectMany(p => p.Funnel.Stages.Select(step => (IReadOnlyList<object?>)
                [
                    p.PeriodStart, step.Name, step.Reached, Rate(step.StepConversion), step.Tracked,
                ])).ToList()),
            new("time_to_convert", [Number("fromSeconds"), Number("toSeconds"), Count("fromLanding"), Count("fromCheckout")],
                report.TimeToConvert.Histogram.Select(b => (IReadOnlyList<object?>)[b.FromSeconds, b.ToSeconds, b.FromLanding, b.FromCheckout]).ToList()),
        ];
        return new ReportDocument("funnel", json, tables);
    }

    private static object Segment(FunnelSegment segment) => new
    {
        value = segment.Label,
        stages = Stages(segment),
        overallConversion = Rate(segment.OverallConversion),
        overallConversionLow = Low(segment.OverallConversion),
        overallConversionHigh = High(segment.OverallConversion),
        cartAbandonmentRate = Rate(segment.CartAbandonment),
        checkoutAbandonmentRate = Rate(segment.CheckoutAbandonment),
    };

    private static IEnumerable<object> Stages(FunnelSegment segment) => segment.Stages.Select(step => new
    {
        stage = step.Name,
        tracked = step.Tracked,
        reached = step.Reached,
        stepConversion = Rate(step.StepConversion),
        stepConversionLow = Low(step.StepConversion),
        stepConversionHigh = High(step.StepConversion),
        dropOff = step.DropOff,
        dropRate = Rate(step.DropRate),
    });
}
