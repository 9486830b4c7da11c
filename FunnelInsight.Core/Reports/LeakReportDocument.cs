using FunnelInsight.Core.Analytics.Leaks;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>The leak report as JSON and a table ranked by sessions lost.</summary>
public static class LeakReportDocument
{
    /// <summary>Builds the document.</summary>
    public static ReportDocument Build(LeakReport report)
    {
        var json = new
        {
            query = Query(report.Query),
            averageOrderValue = report.AverageOrderValue,
            biggestLeak = report.Biggest is { } biggest ? Leak(biggest) : null,
            bySessionsLost = report.BySessionsLost.Select(Leak),
            byLostRevenue = report.ByLostRevenue.Select(Leak),
        };
        var table = new ReportTable("leaks",
            ["rank", "key", "from", "to", "reached", "lost", "dropRate", "estimatedLostRevenue", "revenueFromCarts", "revenueRank"],
            report.BySessionsLost.Select((leak, i) => (IReadOnlyList<object?>)
            [
                i + 1, leak.Key, leak.From, leak.To, leak.Reached, leak.Lost, Rate(leak.DropRate), leak.EstimatedLostRevenue,
                leak.RevenueFromCarts, report.ByLostRevenue.ToList().IndexOf(leak) + 1,
            ]).ToList());
        return new ReportDocument("leaks", json, [table]);
    }

    private static object Leak(Leak leak) => new
    {
        key = leak.Key,
        from = leak.From,
        to = leak.To,
        reached = leak.Reached,
        lost = leak.Lost,
        dropRate = Rate(leak.DropRate),
        dropRateLow = Low(leak.DropRate),
        dropRateHigh = High(leak.DropRate),
        estimatedLostRevenue = leak.EstimatedLostRevenue,
        revenueFromCarts = leak.RevenueFromCarts,
    };
}
