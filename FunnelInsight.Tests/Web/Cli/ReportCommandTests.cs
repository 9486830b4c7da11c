using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FunnelInsight.Tests.Core.Analytics;
using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

public class ReportCommandTests
{
    private static async Task<(int Code, string Output)> RunAsync(AnalyticsStore store, params string[] args)
    {
        using var output = new StringWriter();
        var code = await ReportCommand.RunAsync(CommandGrammar.Read(args), new CommandAccess(store.Temp.Database, null), store.Exporter, new SavedFunnels(store.Temp.Database), output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Funnel_json_has_the_documented_shape_with_rates_as_fractions()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
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
    public async Task Customers_json_lists_periods_with_churn_and_none_for_a_partly_covered_month()
    {
        // The data runs from 5 February to 1 April: March is the one whole month.
        await using var store = await AnalyticsStore.CreateAsync(null, """
            o1,alice,,2011-02-05T10:00:00Z,,,,,100,GBP,paid,
            o2,bob,,2011-02-07T10:00:00Z,,,,,50,GBP,paid,
            o3,bob,,2011-03-07T10:00:00Z,,,,,50,GBP,paid,
            o4,carol,,2011-04-01T10:00:00Z,,,,,20,GBP,paid,
            """);
        var (_, text) = await RunAsync(store, "report", "customers", "--store", "shop");
        using var json = JsonDocument.Parse(text);
        var periods = json.RootElement.GetProperty("periods");
        var march = periods[1];

        Assert.Equal(3, json.RootElement.GetProperty("customers").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("orders").GetInt64());
        Assert.Equal(1 / 3.0, json.RootElement.GetProperty("repeatPurchaseRate").GetDouble(), 12);
        Assert.Equal(("2011-03", 2L, 1L, 0.5), (march.GetProperty("period").GetString(), march.GetProperty("activeAtStart").GetInt64(),
            march.GetProperty("churned").GetInt64(), march.GetProperty("churnRate").GetDouble()));
        Assert.Equal(JsonValueKind.Null, march.GetProperty("noRateReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, periods[0].GetProperty("churnRate").ValueKind);

        // April: bob, active in March, has not ordered by the 1st; a rate would say he churned.
        Assert.Equal(("2011-04", true, 1L, JsonValueKind.Null), (periods[2].GetProperty("period").GetString(), periods[2].GetProperty("partial").GetBoolean(),
            periods[2].GetProperty("churned").GetInt64(), periods[2].GetProperty("churnRate").ValueKind));
        Assert.StartsWith("The data covers only 2011-04-01 to 2011-04-01 of this month", periods[2].GetProperty("noRateReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_json_gives_gross_refunds_and_net_after_a_later_export_refunds_orders()
    {
        await using var store = await AnalyticsStore.CreateAsync(null);
        await store.ImportAsync(FunnelInsight.Core.Import.ImportKind.Orders, "june.csv", File.ReadAllText(Fixture.Path("shopify-refunds-june.csv")));
        await store.ImportAsync(FunnelInsight.Core.Import.ImportKind.Orders, "july.csv", File.ReadAllText(Fixture.Path("shopify-refunds-july.csv")));

        var (_, text) = await RunAsync(store, "report", "customers", "--store", "shop", "--format", "json");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        // 330 gross − 110 refunded (30 of #2001, all 80 of #2002) = 220 net over 4 orders; ben's refunded order is no customer's.
        Assert.Equal((330.0, 110.0, 220.0, 220.0, 55.0), (root.GetProperty("grossRevenue").GetDouble(), root.GetProperty("refunds").GetDouble(),
            root.GetProperty("netRevenue").GetDouble(), root.GetProperty("revenue").GetDouble(), root.GetProperty("averageOrderValue").GetDouble()));
        Assert.Equal((1L, 0.0, 0L, 3L, "USD"), (root.GetProperty("refundedOrders").GetInt64(), root.GetProperty("outstanding").GetDouble(),
            root.GetProperty("unpaidOrders").GetInt64(), root.GetProperty("customers").GetInt64(), root.GetProperty("currency").GetString()));
        Assert.Equal(0, root.GetProperty("otherCurrencyOrders").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("otherCurrencyNote").ValueKind);
    }

    [Theory]
    [InlineData("USD", "10.10", "20.20", "30.30", "60.6", "20.2")]
    [InlineData("KWD", "1.115", "2.230", "0", "3.345", "1.115")]
    [InlineData("JPY", "1000", "1500", "2001", "4501", "1500")]
    public async Task Customers_money_is_exact_to_the_currencys_minor_unit(string currency, string first, string second, string third, string gross, string average)
    {
        // 10.10 + 20.20 + 30.30 added as doubles is 60.599999999999994; 1.115 + 2.230 + 0 over 3 orders is 1.115; 4501 yen / 3 is 1500.33….
        await using var store = await AnalyticsStore.CreateAsync(null, $"""
            o1,c1,,2024-05-01T10:00:00Z,,,,,{first},{currency},paid,
            o2,c2,,2024-05-02T10:00:00Z,,,,,{second},{currency},paid,
            o3,c3,,2024-05-03T10:00:00Z,,,,,{third},{currency},paid,
            """);

        var (_, json) = await RunAsync(store, "report", "customers", "--store", "shop");
        var (_, csv) = await RunAsync(store, "report", "customers", "--store", "shop", "--format", "csv", "--table", "summary");

        Assert.Contains($"\"grossRevenue\": {gross},", json, StringComparison.Ordinal);
        Assert.Contains($"\"netRevenue\": {gross},", json, StringComparison.Ordinal);
        Assert.Contains($"\"averageOrderValue\": {average},", json, StringComparison.Ordinal);
        Assert.Contains($"grossRevenue,{gross}\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abandoned_cart_values_are_exact_to_the_cent_in_json_and_csv()
    {
        // S1's cart of 10.10 + 20.20 + 30.30 = 60.60 is left without a purchase (as doubles the sum is 60.599999999999994); S2 buys.
        await using var store = await AnalyticsStore.CreateAsync("""
            2025-03-01T10:00:00Z,session_start,S1,V1,,,,,desktop,organic,SA,
            2025-03-01T10:01:00Z,add_to_cart,S1,V1,P1,10.10,1,,desktop,organic,SA,
            2025-03-01T10:02:00Z,add_to_cart,S1,V1,P2,20.20,1,,desktop,organic,SA,
            2025-03-01T10:03:00Z,add_to_cart,S1,V1,P3,30.30,1,,desktop,organic,SA,
            2025-03-01T11:00:00Z,session_start,S2,V2,,,,,desktop,organic,SA,
            2025-03-01T11:01:00Z,add_to_cart,S2,V2,P1,10.10,1,,desktop,organic,SA,
            2025-03-01T11:02:00Z,purchase,S2,V2,P1,10.10,1,O1,desktop,organic,SA,
            """);

        var (_, json) = await RunAsync(store, "report", "abandonment", "--store", "shop");
        var (_, csv) = await RunAsync(store, "report", "abandonment", "--store", "shop", "--format", "csv");

        Assert.Contains("\"abandonedCartValue\": 60.6,", json, StringComparison.Ordinal);
        Assert.Contains("\"cartValue\": 60.6,", json, StringComparison.Ordinal);
        Assert.Contains(",60.6,3,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("60.59999", json + csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_json_names_the_orders_in_another_currency()
    {
        await using var store = await AnalyticsStore.CreateAsync(null, """
            o1,c1,,2024-05-01T10:00:00Z,,,,,100,BRL,paid,
            o2,c2,,2024-05-02T10:00:00Z,,,,,50,BRL,paid,
            o3,c3,,2024-05-03T10:00:00Z,,,,,30,EUR,paid,
            """);

        var (_, text) = await RunAsync(store, "report", "customers", "--store", "shop");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal(("BRL", 150.0), (root.GetProperty("currency").GetString(), root.GetProperty("revenue").GetDouble()));
        Assert.Equal(("EUR", 1L), (root.GetProperty("otherCurrencyOrders")[0].GetProperty("currency").GetString(), root.GetProperty("otherCurrencyOrders")[0].GetProperty("orders").GetInt64()));
        Assert.Equal("1 order in EUR is not in these figures.", root.GetProperty("otherCurrencyNote").GetString());
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
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",\"'+visitor\",cart,,12.5,1,2024-03-04T10:00:00Z,2024-03-04T10:02:00Z", lines[1]);
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
        Assert.Equal(["recovery_list", "summary", "about"], sheets.Select(s => s.Name!.Value));
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        Assert.Equal("sessionId", rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal("'=cmd", rows[1].Elements<Cell>().First().InnerText);
        Assert.Equal("7", rows[1].Elements<Cell>().ElementAt(4).CellValue!.Text);
        using var book = OpenedWorkbook.Open(File.ReadAllBytes(path));
        // The store has no orders: its currency is the fallback, named in the money column's header.
        Assert.Equal(("cartValue (USD)", "#,##0.00"), (book.Text("recovery_list", "E1"), book.FormatCode("recovery_list", "E2")));
        Assert.Equal(("45355.416666666664", "yyyy-mm-dd hh:mm:ss"), (book.Text("recovery_list", "G2"), book.FormatCode("recovery_list", "G2")));
        Assert.Equal(("1", "0.00%"), (book.Text("summary", "B2"), book.FormatCode("summary", "B2")));
    }

    [Fact]
    public async Task A_csv_written_to_a_file_gets_its_metadata_beside_it()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var path = Path.Combine(store.Temp.Folder, "leaks.csv");
        var (code, _) = await RunAsync(store, "report", "leaks", "--store", "shop", "--device", "mobile", "--from", "2024-03-01", "--format", "csv", "--out", path);
        var about = (await File.ReadAllTextAsync(Path.Combine(store.Temp.Folder, "leaks.about.csv"))).Split("\r\n");

        Assert.Equal(0, code);
        Assert.StartsWith("rank,key,", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Equal(["field,value", "store,shop", $"storeId,{store.StoreId}", "report,leaks", "from,2024-03-01", "to,", "timeZone,UTC", "currency,USD", "filter:device,mobile"], about[..9]);
        Assert.StartsWith("generatedUtc,20", about[9], StringComparison.Ordinal);
        Assert.StartsWith("version,", about[10], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Friction_report_and_bad_options_give_clear_answers()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var (_, text) = await RunAsync(store, "report", "friction", "--store", "shop");
        using var json = JsonDocument.Parse(text);

        Assert.Equal(0, json.RootElement.GetProperty("flags").GetArrayLength());
        Assert.Equal("Baymard Institute", json.RootElement.GetProperty("references")[0].GetProperty("source").GetString());
        var missing = await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(store, "report", "funnel", "--store", "nope"));
        Assert.Equal((3, "No store 'nope' that the command line can report on without a token (give --token or set FUNNELINSIGHT_TOKEN)."), (missing.ExitCode, missing.Message));
        var badMode = await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(store, "report", "funnel", "--store", "shop", "--mode", "sideways"));
        Assert.Equal((2, "report: --mode: 'mode' must be one of ordered, open, not 'sideways'."), (badMode.ExitCode, badMode.Message));
    }
}
