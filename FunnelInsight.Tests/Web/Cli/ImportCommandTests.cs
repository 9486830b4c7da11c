using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class ImportCommandTests : CommandLineRunTests
{
    [Fact]
    public async Task Import_prints_the_documented_json_as_its_last_line_and_exits_0()
    {
        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"));

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(LastLine(run.Output));
        var root = json.RootElement;
        Assert.Equal(
            ["importId", "status", "message", "format", "mapping", "rowsRead", "rowsStored", "rowsRejected", "rowsDuplicate", "warnings", "rowsUpdated", "rowsBlank", "encoding", "encodingSource", "dateOrder", "dateOrderSource", "decimalMark", "decimalMarkSource", "errors", "fieldWarnings", "messageCode"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("canonical", 18, 18, 0, 0), (root.GetProperty("format").GetString(), root.GetProperty("rowsRead").GetInt64(),
            root.GetProperty("rowsStored").GetInt64(), root.GetProperty("rowsRejected").GetInt64(), root.GetProperty("rowsDuplicate").GetInt64()));
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Import_with_rejected_rows_exits_0_lists_the_first_20_errors_and_writes_the_error_file()
    {
        var rows = Enumerable.Range(0, 25).Select(i => $"not-a-time,view_item,S{i}");
        var path = Path.Combine(Cli.Folder, "bad.csv");
        await File.WriteAllLinesAsync(path, ["event_time,event_type,session_id", "2025-01-01T00:00:00Z,session_start,S0", .. rows]);
        var errorFile = Path.Combine(Cli.Folder, "bad-errors.csv");

        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", path, "--errors", errorFile);

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(LastLine(run.Output));
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal((1, 25, 20), (json.RootElement.GetProperty("rowsStored").GetInt64(), json.RootElement.GetProperty("rowsRejected").GetInt64(), errors.GetArrayLength()));
        Assert.Equal("""{"line":3,"column":"event_time","reason":"Unparseable time \u0027not-a-time\u0027.","code":"unparseableTime"}""", errors[0].GetRawText());
        var errorLines = await File.ReadAllLinesAsync(errorFile);
        Assert.Equal(26, errorLines.Length);
        Assert.Equal("27,event_time,error,Unparseable time 'not-a-time'.,\"not-a-time,view_item,S24\"", errorLines[^1]);
    }

    [Fact]
    public async Task An_import_that_fails_inside_the_engine_writes_the_error_and_its_cause_to_stderr_and_exits_1()
    {
        // DuckDB cannot write 20,000 events within a memory limit of 1 MB.
        using var cli = new CommandLineRun(("Events:MemoryLimit", "1MB"));
        var folder = Path.Combine(cli.Folder, "generated");
        Assert.Equal(0, (await cli.RunAsync("generate", "--events", "20000", "--orders", "1", "--out", folder)).Exit);

        var run = await cli.RunAsync("import", "--store", "Shop", "--events", Path.Combine(folder, "events.csv"));

        Assert.Equal((1, ""), (run.Exit, run.Output));
        Assert.Equal("import: The import stopped on an unexpected error (written to the server log); nothing was stored.", LastLine(run.Error));
        Assert.Contains("import: error: Import 1 of events.csv stopped on an unexpected error: DuckDB.NET.Data.DuckDBException", run.Error, StringComparison.Ordinal);
        Assert.Contains("could not allocate block", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_orders_by_the_command_line_detects_the_format()
    {
        var run = await Cli.RunAsync("import", "--store", "Shop", "--orders", Fixture.Path("uci-orders.csv"));

        using var json = JsonDocument.Parse(LastLine(run.Output));
        Assert.Equal((0, "uci", 7), (run.Exit, json.RootElement.GetProperty("format").GetString(), json.RootElement.GetProperty("rowsStored").GetInt64()));
    }

    [Fact]
    public async Task The_last_progress_line_of_an_order_import_carries_every_row_read()
    {
        // 10,000 lines: the file is all read (100%) in blocks while rows are still being counted in 8,192s.
        var path = Path.Combine(Cli.Folder, "many-orders.csv");
        await File.WriteAllLinesAsync(path, ["order_id,created_at,total", .. Enumerable.Range(1, 10_000).Select(i => $"{i},2025-01-01T10:00:00Z,10")]);

        var run = await Cli.RunAsync("import", "--store", "Shop", "--orders", path);

        Assert.Equal(0, run.Exit);
        Assert.Equal("import: 100% (10,000 rows)", run.Error.TrimEnd().Split('\n')[^1].TrimEnd('\r'));
    }

    [Fact]
    public async Task An_order_export_with_a_rejected_line_leaves_that_order_out_of_the_store_the_error_file_and_the_revenue()
    {
        var path = Path.Combine(Cli.Folder, "lines.csv");
        await File.WriteAllLinesAsync(path,
        [
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
            "536365,85123A,WHITE HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom",
            "536365,71053,WHITE LANTERN,6,12/1/2010 8:26,-3.39,17850,United Kingdom",
            "536365,84406B,CUPID HANGER,8,12/1/2010 8:26,2.75,17850,United Kingdom",
            "536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,17850,United Kingdom",
            "536367,22745,POPPY'S PLAYHOUSE,4,12/1/2010 8:34,2.10,13047,United Kingdom",
        ]);
        var errorFile = Path.Combine(Cli.Folder, "lines-errors.csv");

        var import = await Cli.RunAsync("import", "--store", "Shop", "--orders", path, "--errors", errorFile);
        var report = await Cli.RunAsync("report", "customers", "--store", "Shop");

        Assert.Equal(0, import.Exit);
        using var json = JsonDocument.Parse(LastLine(import.Output));
        Assert.Equal((5, 2, 3), (json.RootElement.GetProperty("rowsRead").GetInt64(), json.RootElement.GetProperty("rowsStored").GetInt64(), json.RootElement.GetProperty("rowsRejected").GetInt64()));
        const string LeftOut = "\"Order '536365' is not stored: its line 3 was rejected, and an order is stored with all of its lines or not at all. Correct line 3 and import the file again.\"";
        Assert.Equal(
            [
                "line,column,severity,reason,raw_line",
                $"2,,error,{LeftOut},\"536365,85123A,WHITE HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\"",
                "3,UnitPrice,error,unit_price -3.39 is negative.,\"536365,71053,WHITE LANTERN,6,12/1/2010 8:26,-3.39,17850,United Kingdom\"",
                $"4,,error,{LeftOut},\"536365,84406B,CUPID HANGER,8,12/1/2010 8:26,2.75,17850,United Kingdom\"",
            ],
            await File.ReadAllLinesAsync(errorFile));

        // Revenue is the two whole orders: 6 × 1.85 + 4 × 2.10 = 11.10 + 8.40 = 19.50 (536365 would have added 37.30 of its 57.64).
        using var customers = JsonDocument.Parse(report.Output);
        Assert.Equal((2, 19.5), (customers.RootElement.GetProperty("orders").GetInt64(), Math.Round(customers.RootElement.GetProperty("netRevenue").GetDouble(), 2)));
    }

    [Fact]
    public async Task A_missing_file_exits_non_zero_with_one_line_on_stderr()
    {
        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", Path.Combine(Cli.Folder, "missing.csv"));

        Assert.NotEqual(0, run.Exit);
        Assert.Equal($"import: file '{Path.Combine(Cli.Folder, "missing.csv")}' not found.", run.Error.TrimEnd());
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("", "import: \"unreadable.csv\" is empty.")]
    [InlineData("when,what\n2025-01-01,x\n", "import: The columns (when, what) match no known event export")]
    public async Task A_file_that_cannot_be_read_at_all_exits_non_zero_with_one_line_on_stderr(string text, string message)
    {
        var path = Cli.WriteFile("unreadable.csv", text);

        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", path);

        Assert.Equal(1, run.Exit);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("when,what\n2025-01-01,x\n", "--events")]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n", "--events")]
    [InlineData("order,amount\n1,10\n", "--orders")]
    public async Task A_file_refused_as_a_whole_into_a_new_store_leaves_no_store_behind(string text, string kind)
    {
        var path = Cli.WriteFile("refused.csv", text);

        var run = await Cli.RunAsync("import", "--store", "Fresh", kind, path);

        Assert.Equal((1, ""), (run.Exit, run.Output));
        Assert.StartsWith("import: ", run.Error, StringComparison.Ordinal);
        Assert.Null(await new FunnelInsight.Core.Stores.StoreCatalog(Cli.Database).FindAsync("Fresh"));
        Assert.Empty(await new FunnelInsight.Core.Stores.StoreCatalog(Cli.Database).ListAsync());
    }

    [Fact]
    public async Task A_file_refused_into_a_store_that_exists_keeps_the_store_its_data_and_the_failed_import_on_record()
    {
        var refused = Cli.WriteFile("refused.csv", "when,what\n2025-01-01,x\n");
        await Cli.RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"));

        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", refused);
        var imports = await Cli.RunAsync("imports", "--store", "Shop");

        Assert.Equal(1, run.Exit);
        var store = Assert.Single(await new FunnelInsight.Core.Stores.StoreCatalog(Cli.Database).ListAsync());
        Assert.Equal(("Shop", 18L), (store.Name, store.Events));
        Assert.Equal(["Failed", "Succeeded"], JsonDocument.Parse(imports.Output).RootElement.EnumerateArray().Select(i => i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Import_without_a_file_option_says_what_to_give()
    {
        var run = await Cli.RunAsync("import", "--store", "Shop");

        Assert.Equal((2, "import: give --events FILE or --orders FILE."), (run.Exit, run.Error.TrimEnd()));
    }
}
