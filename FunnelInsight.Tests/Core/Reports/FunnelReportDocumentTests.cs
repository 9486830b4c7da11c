using System.Text.Json;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Reports;
using FunnelInsight.Tests.Core.Analytics;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Reports;

public class FunnelReportDocumentTests
{
    [Fact]
    public async Task Json_echoes_the_query_and_carries_intervals_trend_and_time_to_convert()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query with { Mode = FunnelMode.Open, Trend = TrendGranularity.Weekly, Device = "mobile" });
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(FunnelReportDocument.Build(report)));
        var root = json.RootElement;

        Assert.Equal(("open", "mobile", "weekly"), (root.GetProperty("query").GetProperty("mode").GetString(),
            root.GetProperty("query").GetProperty("device").GetString(), root.GetProperty("query").GetProperty("trend").GetString()));
        Assert.Equal("2024-03-11", root.GetProperty("trend")[1].GetProperty("period").GetString());
        Assert.True(root.GetProperty("stages")[4].GetProperty("stepConversionLow").GetDouble() < root.GetProperty("stages")[4].GetProperty("stepConversion").GetDouble());
        Assert.Equal(1, root.GetProperty("timeToConvert").GetProperty("purchases").GetInt64());
        Assert.Equal(300, root.GetProperty("timeToConvert").GetProperty("medianLandingToPurchaseSeconds").GetDouble());
    }

    [Fact]
    public async Task An_empty_store_writes_null_rates_and_an_all_segment_in_the_table()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        var document = FunnelReportDocument.Build(await store.Analytics.FunnelAsync(store.Query));
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(document));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("overallConversion").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("stages")[1].GetProperty("stepConversion").ValueKind);
        Assert.Equal(["funnel", "summary", "trend"], document.Tables.Select(t => t.Name));
        Assert.Equal(5, document.Tables[0].Rows.Count);
        Assert.Equal("all", document.Tables[0].Rows[0][0]);
    }
}
