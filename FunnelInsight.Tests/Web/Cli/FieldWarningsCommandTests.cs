using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>
/// An optional field that cannot be read never drops its row: the row is kept without the value, and a warning with
/// its line and column is counted, listed, written to the error file and kept in the history, through the real command line.
/// </summary>
public sealed class FieldWarningsCommandTests : CommandLineRunTests
{
    private string Write(string name, string text)
    {
        var path = Path.Combine(Cli.Folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private async Task<JsonElement> ImportAsync(params string[] args)
    {
        var run = await Cli.RunAsync(["import", "--store", "Shop", .. args]);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(LastLine(run.Output)).RootElement.Clone();
    }

    private static (long Line, string? Column, string? Reason)[] Listed(JsonElement json, string property) =>
        [.. json.GetProperty(property).EnumerateArray().Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("column").GetString(), e.GetProperty("reason").GetString()))];

    [Fact]
    public async Task Unreadable_prices_keep_their_events_without_a_price_and_are_warnings_with_line_and_column()
    {
        var path = Write("events.csv", """
            event_time,event_type,session_id,price,quantity
            2025-03-01T10:00:00Z,view_item,S1,12.50,1
            2025-03-01T10:00:01Z,view_item,S1,"12,5x",1
            2025-03-01T10:00:02Z,add_to_cart,S1,SAR ??,2
            2025-03-01T10:00:03Z,add_to_cart,S1,9.99,1.5
            """);
        var errorFile = Path.Combine(Cli.Folder, "errors.csv");

        var json = await ImportAsync("--events", path, "--errors", errorFile);

        Assert.Equal((4, 4, 0, 3), (json.GetProperty("rowsRead").GetInt32(), json.GetProperty("rowsStored").GetInt32(),
            json.GetProperty("rowsRejected").GetInt32(), json.GetProperty("warnings").GetInt32()));
        Assert.Equal(
            [(3, "price", "price '12,5x' is not a number."), (4, "price", "price 'SAR ??' is not a number."), (5, "quantity", "quantity 1.5 is not a whole number.")],
            Listed(json, "fieldWarnings"));
        Assert.Empty(Listed(json, "errors"));
        var stored = await EventRecord.StoredAsync(Cli.Database);
        Assert.Equal([(12.5, 1), (null, 1), (null, 2), (9.99, null)], stored.Select(e => (e.Event.Price, e.Event.Quantity)));
        var lines = File.ReadAllLines(errorFile);
        Assert.Equal("line,column,severity,reason,raw_line", lines[0]);
        Assert.Equal("3,price,warning,\"price '12,5x' is not a number.\",\"2025-03-01T10:00:01Z,view_item,S1,\"\"12,5x\"\",1\"", lines[1]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task A_row_with_a_bad_required_field_is_one_rejection_and_its_bad_price_is_not_also_a_warning()
    {
        var path = Write("events.csv", "event_time,event_type,session_id,price\nyesterday,view_item,S1,SAR ??\n2025-03-01T10:00:01Z,view_item,S1,abc\n");
        var errorFile = Path.Combine(Cli.Folder, "errors.csv");

        var json = await ImportAsync("--events", path, "--errors", errorFile);

        Assert.Equal((1, 1, 1), (json.GetProperty("rowsStored").GetInt32(), json.GetProperty("rowsRejected").GetInt32(), json.GetProperty("warnings").GetInt32()));
        Assert.Equal([(2, "event_time", "Unparseable time 'yesterday'.")], Listed(json, "errors"));
        Assert.Equal([(3, "price", "price 'abc' is not a number.")], Listed(json, "fieldWarnings"));
        var lines = File.ReadAllLines(errorFile);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2,event_time,error,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("3,price,warning,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_shipping_amount_keeps_its_order_and_an_unreadable_total_rejects_it()
    {
        var path = Write("orders.csv", """
            order_id,created_at,shipping,tax,total
            A1,2025-03-01T10:00:00Z,free,5,105
            A2,2025-03-01T11:00:00Z,10,-2,50
            A3,2025-03-01T12:00:00Z,10,5,lots
            """);

        var json = await ImportAsync("--orders", path);

        Assert.Equal((2, 1, 2), (json.GetProperty("rowsStored").GetInt32(), json.GetProperty("rowsRejected").GetInt32(), json.GetProperty("warnings").GetInt32()));
        Assert.Equal([(2, "shipping", "shipping 'free' is not a number."), (3, "tax", "tax -2 is negative.")], Listed(json, "fieldWarnings"));
        Assert.Equal([(4, "total", "total 'lots' is not a number.")], Listed(json, "errors"));
        Assert.Equal(
            [("A1", 0.0, 5.0, 105.0), ("A2", 10.0, 0.0, 50.0)],
            await TempDatabase.QueryAsync(Cli.Database, "SELECT OrderId, Shipping, Tax, Total FROM Orders ORDER BY OrderId", r => (r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3))));
    }

    [Fact]
    public async Task The_imports_verb_gives_each_imports_warnings_beside_its_rejected_rows()
    {
        await ImportAsync("--events", Write("events.csv", "event_time,event_type,session_id,price\n2025-03-01T10:00:00Z,view_item,S1,SAR ??\nnever,view_item,S1,1\n"));

        var run = await Cli.RunAsync("imports", "--store", "Shop");

        Assert.Equal(0, run.Exit);
        var import = JsonDocument.Parse(run.Output).RootElement[0];
        Assert.Equal((1, 1, 1), (import.GetProperty("rowsStored").GetInt32(), import.GetProperty("rowsRejected").GetInt32(), import.GetProperty("warnings").GetInt32()));
    }
}
