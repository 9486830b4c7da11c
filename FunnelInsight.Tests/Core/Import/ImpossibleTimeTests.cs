namespace FunnelInsight.Tests.Core.Import;

public class ImpossibleTimeTests
{
    private static readonly string Tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0000-01-01 10:00:00", "Unparseable time '0000-01-01 10:00:00'.")]
    [InlineData("-99999999999", "outside")]
    [InlineData("99999999999999999999", "Unparseable time '99999999999999999999'.")]
    [InlineData("1994-12-31T23:59:59Z", "outside")]
    [InlineData("2999-01-01T00:00:00Z", "outside")]
    public async Task An_impossible_event_time_is_a_row_error_and_the_import_completes(string time, string reason)
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("times.csv", $"event_time,event_type,session_id\n2025-03-01T10:00:00Z,session_start,S1\n{time},view_item,S1\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal((ImportStatus.Succeeded, 1L, 1L), (result.Status, result.RowsStored, result.RowsRejected));
        var error = result.Errors.Single();
        Assert.Equal((3L, "event_time"), (error.Line, error.Column));
        Assert.Equal(reason == "outside" ? $"Time '{time}' is outside 1995-01-01 … {Tomorrow} (tomorrow)." : reason, error.Reason);
    }

    [Fact]
    public async Task Seconds_in_the_milliseconds_column_of_a_retailrocket_export_are_rejected_as_outside_the_range()
    {
        await using var db = await TempDatabase.CreateAsync();
        // 1433221332 is 2015-06-02 in seconds, but 1970-01-17 read as the milliseconds RetailRocket writes.
        var path = db.WriteFile("events.csv", "timestamp,visitorid,event,itemid,transactionid\n1433221332117,257597,view,355908,\n1433221332,257597,view,355909,\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal(("retailrocket", 1L, 1L), (result.Format, result.RowsStored, result.RowsRejected));
        Assert.Equal($"Time '1433221332' is outside 1995-01-01 … {Tomorrow} (tomorrow).", result.Errors.Single().Reason);
    }

    [Fact]
    public async Task An_order_created_in_year_0000_is_a_row_error()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("orders.csv", "order_id,created_at,total\n1001,2025-03-01T10:00:00Z,10\n1002,0000-03-01T10:00:00Z,12\n1003,1970-01-01T00:00:00Z,5\n");

        var result = await db.ImportAsync(ImportKind.Orders, path);

        Assert.Equal((ImportStatus.Succeeded, 1L, 2L), (result.Status, result.RowsStored, result.RowsRejected));
        Assert.Equal([3L, 4L], result.Errors.Select(e => e.Line));
    }
}
