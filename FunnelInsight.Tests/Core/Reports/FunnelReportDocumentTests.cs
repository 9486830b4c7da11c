using FunnelInsight.Tests.Core.Analytics;

namespace FunnelInsight.Tests.Core.Reports;

public class FunnelReportDocumentTests
{
    [Fact]
    public async Task Json_echoes_the_query_and_carries_intervals_trend_and_time_to_convert()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var report = await store.Analytics.FunnelAsync(store.Query with { Mode = FunnelMode.Open, Trend = TrendGranularity.Weekly, Device = "mobile" });
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(FunnelReportDocument.Build(report)));
        var root = json.RootElement;

        Assert.Equal(("open", "mobile", "weekly"), (root.GetProperty("query").GetProperty("mode").GetString(),
            root.GetProperty("query").GetProperty("device").GetString(), root.GetProperty("query").GetProperty("trend").GetString()));
        Assert.Equal("2024-03-11", root.GetProperty("trend")[1].GetProperty("period").GetString());
        // The purchase step's interval is the 95% Wilson interval of purchases over checkouts, worked out here from the JSON's own counts.
        var (purchases, checkouts) = (root.GetProperty("stages")[4].GetProperty("reached").GetDouble(), root.GetProperty("stages")[3].GetProperty("reached").GetDouble());
        var (low, high) = Wilson(purchases, checkouts);
        Assert.Equal(low, root.GetProperty("stages")[4].GetProperty("stepConversionLow").GetDouble(), 9);
        Assert.Equal(high, root.GetProperty("stages")[4].GetProperty("stepConversionHigh").GetDouble(), 9);
        Assert.Equal(1, root.GetProperty("timeToConvert").GetProperty("purchases").GetInt64());
        Assert.Equal(300, root.GetProperty("timeToConvert").GetProperty("medianLandingToPurchaseSeconds").GetDouble());
    }

    [Fact]
    public async Task The_landing_row_has_no_interval_in_the_json_and_the_tables_while_later_steps_have_one()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var document = FunnelReportDocument.Build(await store.Analytics.FunnelAsync(store.Query with { Trend = TrendGranularity.Weekly }));
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(document));
        var landing = json.RootElement.GetProperty("stages")[0];

        Assert.Equal(1.0, landing.GetProperty("stepConversion").GetDouble());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (landing.GetProperty("stepConversionLow").ValueKind, landing.GetProperty("stepConversionHigh").ValueKind));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("trend")[0].GetProperty("stages")[0].GetProperty("stepConversionLow").ValueKind);
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("stages")[1].GetProperty("stepConversionLow").ValueKind);
        var funnel = document.Tables[0];
        Assert.Equal(("landing", 1.0, null, null), ((string)funnel.Rows[0][1]!, (double)funnel.Rows[0][3]!, funnel.Rows[0][4], funnel.Rows[0][5]));
        Assert.NotNull(funnel.Rows[1][4]);
    }

    [Fact]
    public async Task An_empty_store_writes_null_rates_and_an_all_segment_in_the_table()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        var document = FunnelReportDocument.Build(await store.Analytics.FunnelAsync(store.Query));
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(document));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("overallConversion").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("stages")[1].GetProperty("stepConversion").ValueKind);
        Assert.Equal(["funnel", "summary", "trend", "trend_overall", "time_to_convert"], document.Tables.Select(t => t.Name));
        Assert.Equal(5, document.Tables[0].Rows.Count);
        Assert.Equal("all", document.Tables[0].Rows[0][0]);
    }

    [Fact]
    public async Task A_breakdown_of_fourteen_values_exports_every_value_with_its_conversion_and_interval()
    {
        // Channel c has c sessions; the first of each buys: 14 values, ch14 first (14 landings, 1 purchase).
        var rows = Enumerable.Range(1, 14).SelectMany(c => Enumerable.Range(1, c).SelectMany(j => (string[])
        [
            $"2024-03-04T10:{j:00}:00Z,session_start,s{c}_{j},,,,,,desktop,ch{c},US,",
            .. j == 1 ? [$"2024-03-04T10:{j:00}:30Z,purchase,s{c}_{j},,p1,10,1,o{c},desktop,ch{c},US,"] : Array.Empty<string>(),
        ]));
        await using var store = await AnalyticsStore.CreateAsync(string.Join("\n", rows));
        var document = FunnelReportDocument.Build(await store.Analytics.FunnelAsync(store.Query with { Breakdown = FunnelDimension.Channel }));

        var summary = document.Tables.Single(t => t.Name == "summary");
        Assert.Equal(15, summary.Rows.Count);
        Assert.Equal(["all", "ch14", "ch13"], summary.Rows.Take(3).Select(r => r[0]));
        // ch14: 1 of 14 = 0.0714, Wilson 0.0127–0.3147.
        Assert.Equal((14L, 1L), ((long)summary.Rows[1][1]!, (long)summary.Rows[1][2]!));
        Assert.Equal(0.0714, (double)summary.Rows[1][3]!, 4);
        Assert.Equal((0.0127, 0.3147), (Math.Round((double)summary.Rows[1][6]!, 4), Math.Round((double)summary.Rows[1][7]!, 4)));
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(document));
        Assert.Equal(14, json.RootElement.GetProperty("breakdown").GetArrayLength());
        Assert.Equal("ch1", json.RootElement.GetProperty("breakdown")[13].GetProperty("value").GetString());
    }

    private static (double Low, double High) Wilson(double successes, double n)
    {
        const double z = 1.959963984540054;
        var p = successes / n;
        var centre = p + z * z / (2 * n);
        var spread = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return ((centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n));
    }
}
