using static FunnelInsight.Tests.Support.Fixture;

namespace FunnelInsight.Tests.Core.Import.Reading;

public class FileConventionsTests
{
    private static async Task<(ImportResult Result, IReadOnlyList<EventRecord> Events)> ImportAsync(TempDatabase db, string text, DateOrder? order = null, DecimalMark? mark = null)
    {
        var path = db.WriteFile("export.csv", text);
        var store = await db.Stores.GetOrCreateAsync("Test");
        var result = await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, path, DateOrder: order, DecimalMark: mark));
        return (result, await EventRecord.AllAsync(db));
    }

    [Fact]
    public async Task One_day_first_date_decides_the_order_for_the_whole_file()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (result, events) = await ImportAsync(db, "event_time,event_type,session_id\n01/02/2025 10:00,session_start,S1\n05/03/2025,view_item,S2\n13/02/2025,view_item,S3\n");

        Assert.Equal((DateOrder.Dmy, DecisionSource.Detected, 3L, 0L), (result.Conventions!.DateOrder, result.Conventions.DateOrderSource, result.RowsStored, result.RowsRejected));
        Assert.Equal([Us(2025, 2, 1, 10, 0, 0), Us(2025, 3, 5, 0, 0, 0), Us(2025, 2, 13, 0, 0, 0)], events.Select(e => e.TimeUs));
    }

    [Fact]
    public async Task A_file_that_cannot_tell_is_read_month_first_and_says_it_assumed_so_unless_the_user_chooses()
    {
        await using var db = await TempDatabase.CreateAsync();
        const string text = "event_time,event_type,session_id\n01/02/2025 10:00,session_start,S1\n";

        var (assumed, events) = await ImportAsync(db, text);

        Assert.Equal((DateOrder.Mdy, DecisionSource.Assumed, Us(2025, 1, 2, 10, 0, 0)), (assumed.Conventions!.DateOrder, assumed.Conventions.DateOrderSource, events.Single().TimeUs));
        await using var other = await TempDatabase.CreateAsync();
        var (chosen, chosenEvents) = await ImportAsync(other, text, DateOrder.Dmy);
        Assert.Equal((DecisionSource.Chosen, Us(2025, 2, 1, 10, 0, 0)), (chosen.Conventions!.DateOrderSource, chosenEvents.Single().TimeUs));
    }

    [Fact]
    public async Task A_date_the_decided_order_cannot_read_is_a_row_error_on_its_line()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (result, _) = await ImportAsync(db, "event_time,event_type,session_id\n13/02/2025,session_start,S1\n02/13/2025,view_item,S1\n");

        Assert.Equal((1L, 1L, 3L), (result.RowsStored, result.RowsRejected, result.Errors.Single().Line));
    }

    [Fact]
    public async Task Decimal_commas_in_a_semicolon_file_and_prices_with_currency_are_read_as_amounts()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (result, events) = await ImportAsync(db, "event_time;event_type;session_id;price\n2025-03-01T10:00:00Z;view_item;S1;12,50\n2025-03-01T10:00:01Z;view_item;S1;1.234,50 €\n2025-03-01T10:00:02Z;purchase;S1;SAR 99\n");

        Assert.Equal((DecimalMark.Comma, DecisionSource.Detected, 0L), (result.Conventions!.DecimalMark, result.Conventions.DecimalMarkSource, result.RowsRejected));
        Assert.Equal([12.5, 1234.5, 99.0], events.Select(e => e.Price));
    }

    [Fact]
    public async Task Prices_with_thousands_commas_and_dollar_signs_are_read_with_a_decimal_point()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (result, events) = await ImportAsync(db, "event_time,event_type,session_id,price\n2025-03-01T10:00:00Z,view_item,S1,$12.50\n2025-03-01T10:00:01Z,view_item,S1,\"1,234.50\"\n2025-03-01T10:00:02Z,view_item,S1,\"12,50\"\n");

        Assert.Equal(DecimalMark.Point, result.Conventions!.DecimalMark);
        // In a file whose decimal mark is the point, 12,50 is not a thousands group: refused, never read as 1250; the event is kept without it.
        Assert.Equal([12.5, 1234.5, null], events.Select(e => e.Price));
        Assert.Equal((0L, 1L), (result.RowsRejected, result.Warnings));
        Assert.Equal((4L, "price '12,50' is not a number."), (result.FirstWarnings.Single().Line, result.FirstWarnings.Single().Reason));
    }
}
