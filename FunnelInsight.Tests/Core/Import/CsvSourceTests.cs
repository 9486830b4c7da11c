namespace FunnelInsight.Tests.Core.Import;

public class CsvSourceTests
{
    // UTF-8 BOM, CRLF, ';' separators, quoted fields holding separators, commas, doubled quotes and a line
    // break, a quoted number, Arabic text, and no line end after the last row.
    private const string Torture =
        "\uFEFFevent_time;event_type;session_id;user_id;product_id;price;quantity;order_id;device;channel;country;page_load_ms\r\n" +
        "2025-04-01T10:00:00Z;session_start;\"جلسة-1\";\"زائر \"\"أحمد\"\"\";;;;;mobile;\"بحث مدفوع; إعلان\";السعودية;1500\r\n" +
        "2025-04-01T10:00:30Z;view_item;\"جلسة-1\";\"زائر \"\"أحمد\"\"\";\"عطر, عود\r\nفاخر\";\"12.50\";1;;mobile;\"بحث مدفوع; إعلان\";السعودية;\r\n" +
        "2025-04-01T10:01:00Z;add_to_cart;\"جلسة-1\";\"زائر \"\"أحمد\"\"\";\"P,2\";12.50;2;;mobile;social;\"Egypt, Cairo\";\r\n" +
        "bad time;view_item;S;V;;;;;;;;\r\n" +
        "2025-04-01T10:02:00Z;purchase;\"جلسة-1\";\"زائر \"\"أحمد\"\"\";;25.00;;\"طلب-٧\";mobile;social;مصر;";

    [Fact]
    public async Task An_encoding_and_quoting_torture_file_round_trips_every_value()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = Path.Combine(db.Folder, "torture.csv");
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(Torture));

        var result = await db.ImportAsync(ImportKind.Events, path);
        var events = await EventRecord.AllAsync(db);

        Assert.Equal(("canonical", 5L, 4L, 1L), (result.Format, result.RowsRead, result.RowsStored, result.RowsRejected));
        Assert.Equal(new EventRecord(Fixture.Us(2025, 4, 1, 10, 0, 30), "جلسة-1", "زائر \"أحمد\"", "view_item", "عطر, عود\r\nفاخر", 12.5, 1, null, "mobile", "بحث مدفوع; إعلان", "السعودية", null), events[1]);
        Assert.Equal(("P,2", "Egypt, Cairo"), (events[2].Product, events[2].Country));
        Assert.Equal(("طلب-٧", "مصر", 25.0), (events[3].Order, events[3].Country, events[3].Price));

        // The quoted line break makes the bad row the file's sixth line.
        Assert.Equal((6L, "event_time", "bad time;view_item;S;V;;;;;;;;"), (result.Errors[0].Line, result.Errors[0].Column, result.Errors[0].RawLine));
        Assert.Single(await db.SessionsAsync());
    }

    [Fact]
    public async Task Tab_separated_files_without_a_bom_are_read_too()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("tabs.tsv", "event_time\tevent_type\tsession_id\n2025-04-01 10:00:00\tsession_start\tA\n2025-04-01 10:00:09\tview_item\tA\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal((2L, 0L), (result.RowsStored, result.RowsRejected));
        Assert.Equal(["session_start", "view_item"], (await EventRecord.AllAsync(db)).Select(e => e.Name));
    }
}
