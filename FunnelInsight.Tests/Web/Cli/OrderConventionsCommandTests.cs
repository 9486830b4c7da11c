using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>An order export's day/month order and decimal mark, decided once per file as for events, through the real command line.</summary>
public sealed class OrderConventionsCommandTests : CommandLineRunTests
{
    private async Task<JsonElement> ImportAsync(string text, params string[] options)
    {
        var path = Cli.WriteFile("orders.csv", text);
        var run = await Cli.RunAsync(["import", "--store", "Shop", "--orders", path, .. options]);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(LastLine(run.Output)).RootElement.Clone();
    }

    private Task<IReadOnlyList<(string Id, long CreatedUs, double Shipping, double Tax, double Total)>> OrdersAsync() =>
        TempDatabase.QueryAsync(Cli.Database, "SELECT OrderId, CreatedUs, Shipping, Tax, Total FROM Orders ORDER BY Id",
            r => (r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)));

    [Fact]
    public async Task A_semicolon_shopify_export_with_day_first_dates_and_decimal_commas_is_read_with_the_right_dates_and_totals()
    {
        var json = await ImportAsync("""
            Name;Email;Financial Status;Created at;Subtotal;Shipping;Taxes;Total;Currency
            #1001;a@example.com;paid;05/03/2025 09:30;99,90;0,00;0,00;99,90;EUR
            #1002;b@example.com;paid;13/02/2025 10:00;1.200,00;20,50;14,00;1.234,50;EUR
            """);

        Assert.Equal(("shopify", 2, 0), (json.GetProperty("format").GetString(), json.GetProperty("rowsStored").GetInt32(), json.GetProperty("rowsRejected").GetInt32()));
        Assert.Equal(("dmy", "detected", "comma", "detected"),
            (json.GetProperty("dateOrder").GetString(), json.GetProperty("dateOrderSource").GetString(),
             json.GetProperty("decimalMark").GetString(), json.GetProperty("decimalMarkSource").GetString()));
        Assert.Equal(
            [("#1001", Fixture.Us(2025, 3, 5, 9, 30, 0), 0.0, 0.0, 99.9), ("#1002", Fixture.Us(2025, 2, 13, 10, 0, 0), 20.5, 14.0, 1234.5)],
            await OrdersAsync());
    }

    [Fact]
    public async Task A_woocommerce_export_whose_dates_cannot_tell_honours_the_date_order_option()
    {
        const string text = """
            Order Number,Order Status,Order Date,Order Total Amount
            812,completed,01/02/2025 10:00,"1,250.00"
            813,completed,05/03/2025 11:00,80
            """;

        var json = await ImportAsync(text, "--date-order", "dmy");

        Assert.Equal(("dmy", "chosen", "point", "detected"),
            (json.GetProperty("dateOrder").GetString(), json.GetProperty("dateOrderSource").GetString(),
             json.GetProperty("decimalMark").GetString(), json.GetProperty("decimalMarkSource").GetString()));
        Assert.Equal(
            [("812", Fixture.Us(2025, 2, 1, 10, 0, 0), 0.0, 0.0, 1250.0), ("813", Fixture.Us(2025, 3, 5, 11, 0, 0), 0.0, 0.0, 80.0)],
            await OrdersAsync());
    }

    [Fact]
    public async Task The_decimal_option_reads_an_order_file_whose_amounts_cannot_tell()
    {
        var json = await ImportAsync("order_id,created_at,total\nA1,2025-03-01T10:00:00Z,\"1,250\"\n", "--decimal", "comma");

        Assert.Equal(("comma", "chosen", "ymd", "detected"),
            (json.GetProperty("decimalMark").GetString(), json.GetProperty("decimalMarkSource").GetString(),
             json.GetProperty("dateOrder").GetString(), json.GetProperty("dateOrderSource").GetString()));
        Assert.Equal(1.25, (await OrdersAsync()).Single().Total);
    }
}
