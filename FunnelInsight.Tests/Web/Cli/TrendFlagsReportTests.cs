using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>The trend's per-point flags in the report files: partial periods, sample sizes, small samples and intervals.</summary>
public sealed class TrendFlagsReportTests
{
    /// <summary>
    /// Asked from Wednesday 2024-03-06 to Sunday 2024-03-17, weekly. Week of 03-04 (cut by the range: partial): s1 buys
    /// through the whole path, s2 only lands (2 landings, 1 purchase: 50%, small). Week of 03-11 (whole): 30 land on
    /// 03-12, b1–b3 buy through the whole path (3 of 30: 10%, Wilson 3.46–25.62%, not small; checkout → purchase 3 of 3, small).
    /// </summary>
    private static string Fixture() => string.Join("\n",
    [
        "2024-03-06T10:00:00Z,session_start,s1,,,,,,,,,", "2024-03-06T10:01:00Z,view_item,s1,,p,5,,,,,,", "2024-03-06T10:02:00Z,add_to_cart,s1,,p,5,1,,,,,",
        "2024-03-06T10:03:00Z,begin_checkout,s1,,,,,,,,,", "2024-03-06T10:04:00Z,purchase,s1,,p,5,1,o1,,,,",
        "2024-03-06T11:00:00Z,session_start,s2,,,,,,,,,",
        .. Enumerable.Range(1, 30).SelectMany(i => (string[])
        [
            $"2024-03-12T10:{i:00}:00Z,session_start,b{i},,,,,,,,,",
            .. i <= 3
                ? [$"2024-03-12T10:{i:00}:10Z,view_item,b{i},,p,5,,,,,,", $"2024-03-12T10:{i:00}:20Z,add_to_cart,b{i},,p,5,1,,,,,",
                   $"2024-03-12T10:{i:00}:30Z,begin_checkout,b{i},,,,,,,,,", $"2024-03-12T10:{i:00}:40Z,purchase,b{i},,p,5,1,ob{i},,,,"]
                : Array.Empty<string>(),
        ]),
    ]);

    private static async Task<string> ReportAsync(AnalyticsStore store, params string[] options)
    {
        using var output = new StringWriter();
        var code = await ReportCommand.RunAsync(CommandGrammar.Read(["report", "funnel", "--store", "shop", "--trend", "weekly", "--from", "2024-03-06", "--to", "2024-03-17", .. options]),
            new CommandAccess(store.Temp.Database, null), store.Exporter, new SavedFunnels(store.Temp.Database), output, CancellationToken.None);
        Assert.Equal(0, code);
        return output.ToString();
    }

    [Fact]
    public async Task The_trend_overall_csv_has_a_row_per_period_with_its_partial_flag_sample_size_and_interval()
    {
        await using var store = await AnalyticsStore.CreateAsync(Fixture());
        var lines = (await ReportAsync(store, "--format", "csv", "--table", "trend_overall")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("period,periodEnd,granularity,partial,sampleSize,purchased,overallConversion,overallConversionLow,overallConversionHigh,smallSample", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2024-03-04", "2024-03-10", "weekly", "true", "2", "1", "0.5"], rows[0][..7]);
        Assert.Equal("true", rows[0][9]);
        Assert.Equal(["2024-03-11", "2024-03-17", "weekly", "false", "30", "3", "0.1"], rows[1][..7]);
        Assert.Equal((0.0346, 0.2562), (Math.Round(double.Parse(rows[1][7], CultureInfo.InvariantCulture), 4), Math.Round(double.Parse(rows[1][8], CultureInfo.InvariantCulture), 4)));
        Assert.Equal("false", rows[1][9]);
    }

    [Fact]
    public async Task The_json_trend_carries_the_flags_per_point_and_per_stage()
    {
        await using var store = await AnalyticsStore.CreateAsync(Fixture());
        using var json = JsonDocument.Parse(await ReportAsync(store, "--format", "json"));
        var trend = json.RootElement.GetProperty("trend");

        Assert.Equal((true, 2, true), (trend[0].GetProperty("partial").GetBoolean(), trend[0].GetProperty("sampleSize").GetInt32(), trend[0].GetProperty("smallSample").GetBoolean()));
        Assert.Equal(("2024-03-11", "2024-03-17", "weekly"), (trend[1].GetProperty("period").GetString(), trend[1].GetProperty("periodEnd").GetString(), trend[1].GetProperty("granularity").GetString()));
        Assert.Equal((false, 30, false), (trend[1].GetProperty("partial").GetBoolean(), trend[1].GetProperty("sampleSize").GetInt32(), trend[1].GetProperty("smallSample").GetBoolean()));
        Assert.Equal(0.2562, Math.Round(trend[1].GetProperty("overallConversionHigh").GetDouble(), 4));
        // Checkout → purchase in the whole week: 3 of 3, small (under 30 checkouts), Wilson 43.85–100%.
        var purchase = trend[1].GetProperty("stages")[4];
        Assert.Equal((3, true), (purchase.GetProperty("sampleSize").GetInt32(), purchase.GetProperty("smallSample").GetBoolean()));
        Assert.Equal(0.4385, Math.Round(purchase.GetProperty("stepConversionLow").GetDouble(), 4));
    }

    [Fact]
    public async Task A_table_the_report_does_not_have_is_exit_2_naming_the_tables_it_has()
    {
        await using var store = await AnalyticsStore.CreateAsync(Fixture());

        var refused = await Assert.ThrowsAsync<CommandLineException>(() => ReportAsync(store, "--format", "csv", "--table", "trends"));

        Assert.Equal((2, "report: --table: 'table' must be one of funnel, summary, trend, trend_overall, time_to_convert, not 'trends'."), (refused.ExitCode, refused.Message));
    }
}
