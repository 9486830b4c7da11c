using System.Text.Json.Serialization;
using FunnelInsight.Core.Analytics;
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
            trend = report.Trend.Select(TrendPoint),
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
                segments.SelectMany(s => s.Stages.Select((step, k) => (IReadOnlyList<object?>)
                [
                    s.Label, step.Name, step.Reached, Rate(step.StepConversion), StepLow(step, k), StepHigh(step, k), step.DropOff, Rate(step.DropRate),
                    step.Tracked,
                ])).ToList()),
            new("summary", [Text("segment"), Count("landed"), Count("purchased"), Percent("overallConversion"), Percent("cartAbandonmentRate"), Percent("checkoutAbandonmentRate"), Percent("overallConversionLow"), Percent("overallConversionHigh")],
                segments.Select(s => (IReadOnlyList<object?>)
                [
                    s.Label, s.Landed, s.Stages[^1].Reached, Rate(s.OverallConversion), Rate(s.CartAbandonment), Rate(s.CheckoutAbandonment),
                    Low(s.OverallConversion), High(s.OverallConversion),
                ]).ToList()),
            new("trend", [Date("period"), Text("stage"), Count("reached"), Percent("stepConversion"), Boolean("tracked"), Date("periodEnd"), Boolean("partial"),
                    Count("sampleSize"), Boolean("smallSample"), Percent("stepConversionLow"), Percent("stepConversionHigh")],
                report.Trend.SelectMany(p => p.Funnel.Stages.Select((step, k) => (IReadOnlyList<object?>)
                [
                    p.PeriodStart, step.Name, step.Reached, Rate(step.StepConversion), step.Tracked, p.PeriodEnd, p.Partial,
                    SampleSize(step), SmallSample(step), StepLow(step, k), StepHigh(step, k),
                ])).ToList()),
            new("trend_overall", [Date("period"), Date("periodEnd"), Text("granularity"), Boolean("partial"), Count("sampleSize"), Count("purchased"),
                    Percent("overallConversion"), Percent("overallConversionLow"), Percent("overallConversionHigh"), Boolean("smallSample")],
                report.Trend.Select(p => (IReadOnlyList<object?>)
                [
                    p.PeriodStart, p.PeriodEnd, Name(p.Granularity), p.Partial, p.Funnel.OverallConversion.Total, p.Funnel.OverallConversion.Count,
                    Rate(p.Funnel.OverallConversion), Low(p.Funnel.OverallConversion), High(p.Funnel.OverallConversion), p.SmallSample,
                ]).ToList()),
            new("time_to_convert", [Number("fromSeconds"), Number("toSeconds"), Count("fromLanding"), Count("fromCheckout")],
                report.TimeToConvert.Histogram.Select(b => (IReadOnlyList<object?>)[b.FromSeconds, b.ToSeconds, b.FromLanding, b.FromCheckout]).ToList()),
        ];
        return new ReportDocument("funnel", json, tables);
    }

    // A trend point with what the chart marks: a period the range cuts (partial), the units behind each rate (sample
    // size; small under TrendPeriods.MinSample) and each rate's 95% interval.
    private static object TrendPoint(FunnelTrendPoint point) => new
    {
        period = Day(point.PeriodStart),
        periodEnd = Day(point.PeriodEnd),
        granularity = Name(point.Granularity),
        partial = point.Partial,
        sampleSize = point.Funnel.OverallConversion.Total,
        smallSample = point.SmallSample,
        stages = point.Funnel.Stages.Select((step, k) => new SampledStageJson(step, k)),
        overallConversion = Rate(point.Funnel.OverallConversion),
        overallConversionLow = Low(point.Funnel.OverallConversion),
        overallConversionHigh = High(point.Funnel.OverallConversion),
    };

    // The first step (landing in the stage funnel) is where the funnel starts: its 100% is a definition, with no interval.
    private static double? StepLow(FunnelStep step, int index) => index == 0 ? null : Low(step.StepConversion);

    private static double? StepHigh(FunnelStep step, int index) => index == 0 ? null : High(step.StepConversion);

    // The units a step's conversion rests on: those that reached the step before (null for a stage not tracked).
    private static long? SampleSize(FunnelStep step) => step.Tracked ? step.StepConversion.Total : null;

    private static bool? SmallSample(FunnelStep step) => step.Tracked ? TrendPeriods.IsSmallSample(step.StepConversion) : null;

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

    private static IEnumerable<StageJson> Stages(FunnelSegment segment) => segment.Stages.Select((step, k) => new StageJson(step, k));

    // A stage as the JSON writes it, for a segment and for a trend period alike.
    private class StageJson(FunnelStep step, int index)
    {
        public string Stage { get; } = step.Name;

        public bool Tracked { get; } = step.Tracked;

        public long? Reached { get; } = step.Reached;

        public double? StepConversion { get; } = Rate(step.StepConversion);

        public double? StepConversionLow { get; } = StepLow(step, index);

        public double? StepConversionHigh { get; } = StepHigh(step, index);

        public long? DropOff { get; } = step.DropOff;

        public double? DropRate { get; } = Rate(step.DropRate);
    }

    // A trend period's stage also says the units its conversion rests on, after the stage's own fields.
    private sealed class SampledStageJson(FunnelStep step, int index) : StageJson(step, index)
    {
        [JsonPropertyOrder(1)]
        public long? SampleSize { get; } = FunnelReportDocument.SampleSize(step);

        [JsonPropertyOrder(1)]
        public bool? SmallSample { get; } = FunnelReportDocument.SmallSample(step);
    }
}
