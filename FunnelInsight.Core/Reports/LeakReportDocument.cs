using FunnelInsight.Core.Analytics.Leaks;
using static FunnelInsight.Core.Reports.ReportColumn;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>The leak report as JSON and a table ranked by sessions lost.</summary>
public static class LeakReportDocument
{
    /// <summary>Builds the document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="currency">The store's currency (ISO 4217): money is rounded to its minor unit; null rounds to cents.</param>
    public static ReportDocument Build(LeakReport report, string? currency = null)
    {
        var json = new
        {
            query = Query(report.Query),
            averageOrderValue = Money(report.AverageOrderValue, currency),
            lostRevenueEstimate = EstimateNote,
            stages = TrackedStages(report.Tracked),
            biggestLeak = report.Biggest is { } biggest ? Leak(biggest, currency) : null,
            bySessionsLost = report.BySessionsLost.Select(leak => Leak(leak, currency)),
            byLostRevenue = report.ByLostRevenue.Select(leak => Leak(leak, currency)),
        };
        var table = new ReportTable("leaks",
            [Count("rank"), Text("key"), Text("from"), Text("to"), Count("reached"), Count("lost"), Percent("dropRate"), Money("estimatedLostRevenue"), Boolean("revenueFromCarts"), Count("revenueRank"), Percent("conversionToPurchase"), Text("estimate")],
            report.BySessionsLost.Select((leak, i) => (IReadOnlyList<object?>)
            [
                i + 1, leak.Key, leak.From, leak.To, leak.Reached, leak.Lost, Rate(leak.DropRate), Money(leak.EstimatedLostRevenue, currency),
                leak.RevenueFromCarts, report.ByLostRevenue.ToList().IndexOf(leak) + 1, Conversion(leak), leak.EstimateFormula,
            ]).ToList());
        return new ReportDocument("leaks", json, [table]);
    }

    private static object Leak(Leak leak, string? currency) => new
    {
        key = leak.Key,
        from = leak.From,
        to = leak.To,
        reached = leak.Reached,
        lost = leak.Lost,
        dropRate = Rate(leak.DropRate),
        dropRateLow = Low(leak.DropRate),
        dropRateHigh = High(leak.DropRate),
        estimatedLostRevenue = Money(leak.EstimatedLostRevenue, currency),
        revenueFromCarts = leak.RevenueFromCarts,
        conversionToPurchase = Conversion(leak),
        estimate = leak.EstimateFormula,
    };

    private static double? Conversion(Leak leak) => leak.ConversionToPurchase is { } conversion ? Rate(conversion) : null;

    /// <summary>How every leak's lost revenue is estimated, said once in the document.</summary>
    public const string EstimateNote =
        "What the lost sessions would have brought had they gone on at the rate of the sessions that did: before the cart, " +
        "lost × average order value × conversion from the next tracked stage to purchase; from the cart on, the lost " +
        "sessions' cart value × that conversion (1 when the next stage is the purchase).";
}
