using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FunnelInsight.Tests.Core.Analytics;
using FunnelInsight.Tests.Support;
using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

public class ReportCommandTests
{
    private static async Task<(int Code, string Output)> RunAsync(AnalyticsStore store, params string[] args)
    {
        using var output = new StringWriter();
        var code = await ReportCommand.RunAsync(CommandArguments.Parse(args), new CommandAccess(store.Temp.Database, null), store.Analytics, output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Funnel_json_has_the_documented_shape_with_rates_as_fractions()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);
        var (code, text) = await RunAsync(store, "report", "funnel", "--store", "shop", "--breakdown", "device", "--format", "json");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal(0, code);
        Assert.Equal("landing", root.GetProperty("stages")[0].GetProperty("stage").GetString());
        Assert.Equal(5, root.GetProperty("stages")[1].GetProperty("reached").GetInt64());
        Assert.Equal(0.8, root.GetProperty("stages")[2].GetProperty("stepConversion").GetDouble(), 12);
        Assert.Equal(2, root.GetProperty("stages")[3].GetProperty("dropOff").GetInt64());
        Assert.Equal(0.5, root.GetProperty("stages")[3].GetProperty("dropRate").GetDouble());
        Assert.Equal(2.0 / 6, root.GetProperty("overallConversion").GetDouble(), 12);
        Assert.Equal(0.5, root.GetProperty("cartAbandonmentRate").GetDouble());
        Assert.Equal(0, root.GetProperty("checkoutAbandonmentRate").GetDouble());
        Assert.Equal("desktop", root.GetProperty("breakdown")[0].GetProperty("value").GetString());
        Assert.Equal(3, root.GetProperty("breakdown")[1].GetProperty("stages")[2].GetProperty("reached").GetInt64());
    }

    [Fact]
    public async Task Customers_json_lists_periods_with_churn()
    {
        await using var store = await AnalyticsStore.CreateAsync(null, """
            o1,alice,,2011-02-05T10:00:00Z,,,,,100,GBP,paid,
            o2,bob,,2011-02-07T10:00:00Z,,,,,50,GBP,paid,
            o3,bob,,2011-03-07T10:00:00Z,,,,,50,GBP,paid,
            """);
        var (_, text) = await RunAsync(store, "report", "customers", "--store", "shop");
        using var json = JsonDocument.Parse(text);
        var march = json.RootElement.GetProperty("periods")[1];

        Assert.Equal(2, json.RootElement.GetProperty("customers").GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("orders").GetInt64());
        Assert.Equal(0.5, json.RootElement.GetProperty("repeatPurchaseRate").GetDouble());
        Assert.Equal(("2011-03", 2L, 1L, 0.5), (march.GetProperty("period").GetString(), march.GetProperty("activeAtStart").GetInt64(),
            march.GetProperty("churned").GetInt64(), march.GetProperty("churnRate").GetDouble()));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("periods")[0].GetProperty("churnRate").ValueKind);
    }

    [Fact]
    public async Task Leaks_csv_has_a_header_row_and_the_json_numbers()
    {
        await using var store = await AnalyticsStore.CreateAsync(CheckoutFixtures.FiveCheckouts);
        var (_, csv) = await RunAsync(store, "report", "leaks", "--store", "shop", "--format", "csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("rank,key,from,to,reached,lost,dropRate,estimatedLostRevenue,revenueFromCarts,revenueRank,conversionToPurchase,estimate", lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.Contains("checkout_shipping,shipping_info,purchase,3,1,0.3333333333333333,100,true,1,,cart value of the lost sessions", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abandonment_csv_neutralises_a_formula_from_imported_data()
    {
        await using var store = await AnalyticsStore.CreateAsync("""
            2024-03-04T10:00:00Z,session_start,"=HYPERLINK(""http://evil"",""x"")",+visitor,,,,,,,,
            2024-03-04T10:01:00Z,view_item,"=HYPERLINK(""http://evil"",""x"")",+visitor,,,,,,,,
            2024-03-04T10:02:00Z,add_to_cart,"=HYPERLINK(""http://evil"",""x"")",+visitor,p,12.5,,,,,,
            2024-03-04T11:00:00Z,purchase,buyer,buyer,p,12.5,,o1,,,,
            """);
        var (_, csv) = await RunAsync(store, "report", "abandonment", "--store", "shop", "--format", "csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("sessionId,visitorId,lastStage,lastStep,cartValue,items,startedUtc,lastEventUtc", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+visitor,cart,,12.5,1,2024-03-04T10:00:00Z,2024-03-04T10:02:00Z", lines[1]);
    }

    [Fact]
    public async Task Xlsx_report_written_to_a_file_has_a_sheet_per_table_and_neutralised_text()
    {
        await using var store = await AnalyticsStore.CreateAsync("""
            2024-03-04T10:00:00Z,session_start,=cmd,v,,,,,,,,
            2024-03-04T10:01:00Z,view_item,=cmd,v,,,,,,,,
            2024-03-04T10:02:00Z,add_to_cart,=cmd,v,p,7,,,,,,
            2024-03-04T11:00:00Z,purchase,buyer,buyer,p,7,,o1,,,,
            """);
        var path = Path.Combine(store.Temp.Folder, "recovery.xlsx");
        var (code, text) = await RunAsync(store, "report", "abandonment", "--store", "shop", "--format", "xlsx", "--out", path);

        Assert.Equal((0, ""), (code, text));
        using var workbook = SpreadsheetDocument.Open(path, false);
        var sheets = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(["recovery_list", "summary"], sheets.Select(s => s.Name!.Value));
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        Assert.Equal("sessionId", rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal("'=cmd", rows[1].Elements<Cell>().First().InnerText);
        Assert.Equal("7", rows[1].Elements<Cell>().ElementAt(4).CellValue!.Text);
    }

    [Fact]
    public async Task Friction_report_and_bad_options_give_clear_answers()
    {
        await using var store = await AnalyticsStore.CreateAsync(SqliteFunnelAnalyticsTests.SixSessions);
        var (_, text) = await RunAsync(store, "report", "friction", "--store", "shop");
        using var json = JsonDocument.Parse(text);

        Assert.Equal(0, json.RootElement.GetProperty("flags").GetArrayLength());
        Assert.Equal("Baymard Institute", json.RootElement.GetProperty("references")[0].GetProperty("source").GetString());
        var missing = await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(store, "report", "funnel", "--store", "nope"));
        Assert.Equal((3, "No store 'nope' that the command line can report on without a token (give --token or set FUNNELINSIGHT_TOKEN)."), (missing.ExitCode, missing.Message));
        var badMode = await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(store, "report", "funnel", "--store", "shop", "--mode", "sideways"));
        Assert.Contains("--mode must be one of ordered|open", badMode.Message, StringComparison.Ordinal);
    }
}
