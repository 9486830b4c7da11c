using static FunnelInsight.Tests.Support.Fixture;

namespace FunnelInsight.Tests.Core.Import;

public abstract class ImportErrorFileTests : DatabaseProviderTests
{
    [ProviderFact]
    public async Task Every_bad_event_row_is_counted_with_its_line_column_reason_and_raw_row()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var result = await db.ImportAsync(ImportKind.Events, Path("malformed-events.csv"));

        Assert.Equal((ImportStatus.Succeeded, 9L, 4L, 5L, 2L), (result.Status, result.RowsRead, result.RowsStored, result.RowsRejected, result.Warnings));
        Assert.Equal(
            [
                (3L, "event_time", "Unparseable time 'yesterday'."),
                (4L, "event_type", "Missing required field event_type."),
                (5L, null, "Expected 12 columns, found 4."),
                (8L, "session_id", "Missing required field session_id."),
                (9L, "event_time", "Unparseable time '=HYPERLINK(\"http://evil\")'."),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.Equal("2025-03-01T10:02:00Z,begin_checkout,S1,V1", result.Errors[2].RawLine);
        // An optional price that cannot be read keeps its event, without the price, as a warning.
        Assert.Equal([(6L, "price", "price -5.00 is negative."), (7L, "price", "price 'abc' is not a number.")], result.FirstWarnings.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.Equal(7, await db.CountAsync($"SELECT COUNT(*) FROM ImportRowErrors WHERE ImportId = {result.ImportId}"));
    }

    [ProviderFact]
    public async Task Every_bad_order_row_is_counted_and_the_good_orders_are_stored()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var result = await db.ImportAsync(ImportKind.Orders, Path("malformed-orders.csv"));

        Assert.Equal((8L, 3L, 5L, 1L), (result.RowsRead, result.RowsStored, result.RowsRejected, result.Warnings));
        Assert.Equal(
            [
                (3L, "order_id", "Missing required field order_id."),
                (4L, "created_at", "Unparseable time '31/31/2025'."),
                (5L, "total", "total -10.00 is negative."),
                (7L, null, "Expected 12 columns, found 5."),
                (8L, "created_at", "Missing required field created_at."),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        // The order's value is its total; a subtotal that cannot be read is a warning and the order is kept.
        Assert.Equal([(6L, "subtotal", "subtotal 'ten' is not a number.")], result.FirstWarnings.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.Equal(["2001", "2005", "2008"], await db.QueryAsync("SELECT OrderId FROM Orders ORDER BY OrderId", r => r.GetString(0)));
    }

    [ProviderFact]
    public async Task The_error_file_lists_every_rejected_row_and_warning_as_csv_with_its_severity_and_formulas_neutralised()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var result = await db.ImportAsync(ImportKind.Events, Path("malformed-events.csv"));
        using var output = new MemoryStream();

        var rows = await ImportErrorFile.WriteAsync(db.Database, result.ImportId, output);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n");

        Assert.Equal(7, rows);
        Assert.Equal("line,column,severity,reason,raw_line", lines[0]);
        Assert.Equal("3,event_time,error,Unparseable time 'yesterday'.,\"yesterday,view_item,S1,V1,P1,20.00,,,desktop,organic,SA,800\"", lines[1]);
        Assert.Equal("5,,error,\"Expected 12 columns, found 4.\",\"2025-03-01T10:02:00Z,begin_checkout,S1,V1\"", lines[3]);
        Assert.StartsWith("6,price,warning,price -5.00 is negative.,", lines[4], StringComparison.Ordinal);
        Assert.Equal("9,event_time,error,\"Unparseable time '=HYPERLINK(\"\"http://evil\"\")'.\",\"'=HYPERLINK(\"\"http://evil\"\"),view_item,S1,V1,P1,20.00,,,desktop,organic,SA,\"", lines[7]);
    }
}

/// <summary>The tests of <see cref="ImportErrorFileTests"/> on SQLite.</summary>
public sealed class ImportErrorFileTestsOnSqlite : ImportErrorFileTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="ImportErrorFileTests"/> on PostgreSQL.</summary>
public sealed class ImportErrorFileTestsOnPostgres : ImportErrorFileTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
