using System.Text.Json;
using FunnelInsight.Tests.Support;
using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly CommandLineRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_prints_the_documented_json_as_its_last_line_and_exits_0()
    {
        var run = await _cli.RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"));

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
        var path = Path.Combine(_cli.Folder, "bad.csv");
        await File.WriteAllLinesAsync(path, ["event_time,event_type,session_id", "2025-01-01T00:00:00Z,session_start,S0", .. rows]);
        var errorFile = Path.Combine(_cli.Folder, "bad-errors.csv");

        var run = await _cli.RunAsync("import", "--store", "Shop", "--events", path, "--errors", errorFile);

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
    public async Task Importing_orders_by_the_command_line_detects_the_format()
    {
        var run = await _cli.RunAsync("import", "--store", "Shop", "--orders", Fixture.Path("uci-orders.csv"));

        using var json = JsonDocument.Parse(LastLine(run.Output));
        Assert.Equal((0, "uci", 7), (run.Exit, json.RootElement.GetProperty("format").GetString(), json.RootElement.GetProperty("rowsStored").GetInt64()));
    }

    [Fact]
    public async Task The_last_progress_line_of_an_order_import_carries_every_row_read()
    {
        // 10,000 lines: the file is all read (100%) in blocks while rows are still being counted in 8,192s.
        var path = Path.Combine(_cli.Folder, "many-orders.csv");
        await File.WriteAllLinesAsync(path, ["order_id,created_at,total", .. Enumerable.Range(1, 10_000).Select(i => $"{i},2025-01-01T10:00:00Z,10")]);

        var run = await _cli.RunAsync("import", "--store", "Shop", "--orders", path);

        Assert.Equal(0, run.Exit);
        Assert.Equal("import: 100% (10,000 rows)", run.Error.TrimEnd().Split('\n')[^1].TrimEnd('\r'));
    }

    [Fact]
    public async Task A_missing_file_exits_non_zero_with_one_line_on_stderr()
    {
        var run = await _cli.RunAsync("import", "--store", "Shop", "--events", Path.Combine(_cli.Folder, "missing.csv"));

        Assert.NotEqual(0, run.Exit);
        Assert.Equal($"import: file '{Path.Combine(_cli.Folder, "missing.csv")}' not found.", run.Error.TrimEnd());
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("", "import: \"unreadable.csv\" is empty.")]
    [InlineData("when,what\n2025-01-01,x\n", "import: The columns (when, what) match no known event export")]
    public async Task A_file_that_cannot_be_read_at_all_exits_non_zero_with_one_line_on_stderr(string text, string message)
    {
        var path = Path.Combine(_cli.Folder, "unreadable.csv");
        await File.WriteAllTextAsync(path, text);

        var run = await _cli.RunAsync("import", "--store", "Shop", "--events", path);

        Assert.Equal(1, run.Exit);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Import_without_a_file_option_says_what_to_give()
    {
        var run = await _cli.RunAsync("import", "--store", "Shop");

        Assert.Equal((2, "import: give --events FILE or --orders FILE."), (run.Exit, run.Error.TrimEnd()));
    }
}
