namespace FunnelInsight.Tests.Core.Import.Reading;

public class ExportReaderTests
{
    private const string Header = "event_time,event_type,session_id";

    private static string Rows(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"2025-03-01T10:{i / 60 % 60:00}:{i % 60:00}Z,view_item,S{i}\n"));

    [Fact]
    public async Task An_unterminated_quote_on_line_4_rejects_only_that_row_and_every_later_row_is_stored()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("quote.csv", Header + "\n" + Rows(0, 2) + "\"2025-03-01T11:00:00Z,view_item,BAD\n" + Rows(2, 6));

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal((9L, 8L, 1L), (result.RowsRead, result.RowsStored, result.RowsRejected));
        var error = Assert.Single(result.Errors);
        Assert.Equal((4L, (string?)null, "\"2025-03-01T11:00:00Z,view_item,BAD"), (error.Line, error.Column, error.RawLine));
        Assert.StartsWith("Unterminated quote", error.Reason, StringComparison.Ordinal);
        Assert.Equal(new long[] { 2, 3, 5, 6, 7, 8, 9, 10 }, (await EventRecord.StoredAsync(db.Database)).Select(e => e.Line));
    }

    [Fact]
    public async Task An_unterminated_quote_in_a_file_larger_than_the_record_limit_is_recovered_from_and_the_rest_is_read()
    {
        await using var db = await TempDatabase.CreateAsync();
        // Enough rows after the quote that the quoted field would pass the reader's record limit before the end of the file.
        var rowBytes = Rows(0, 1).Length;
        var after = ExportReader.MaxRecordBytes / rowBytes + 20_000;
        var path = System.IO.Path.Combine(db.Folder, "big.csv");
        await using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await file.WriteAsync(Header + "\n" + Rows(0, 3) + "2025-03-01T11:00:00Z,\"view_item,BAD\n");
            for (var done = 0; done < after; done += 10_000)
            {
                await file.WriteAsync(Rows(3 + done, Math.Min(10_000, after - done)));
            }
        }

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal((after + 3L, 1L), (result.RowsStored, result.RowsRejected));
        Assert.Equal(5L, result.Errors.Single().Line);
        Assert.Equal(after + 3, await db.EventCountAsync());
    }

    [Fact]
    public async Task Blank_rows_are_skipped_and_counted_as_blank_not_rejected()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("blank.csv", Header + "\n" + Rows(0, 1) + "\n   \n,,\n \t , \n" + Rows(1, 1) + "\r\n\r\n  \n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        // Blank: the empty line, the spaces, ",,", " \t , ", two empty CRLF lines and the last line of spaces.
        Assert.Equal((2L, 2L, 0L, 7L), (result.RowsRead, result.RowsStored, result.RowsRejected, result.RowsBlank));
    }

    [Fact]
    public async Task A_trailing_delimiter_on_every_row_as_excel_writes_it_is_tolerated()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("excel.csv", Header + ",\r\n2025-03-01T10:00:00Z,session_start,S1,\r\n2025-03-01T10:00:05Z,view_item,S1,\r\n2025-03-01T10:00:09Z,add_to_cart,S1\r\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal(("canonical", 3L, 0L), (result.Format, result.RowsStored, result.RowsRejected));
        Assert.Equal("event_time=event_time,event_type=event_type,session_id=session_id", result.Mapping);
    }

    [Fact]
    public async Task A_value_in_the_unnamed_last_column_still_rejects_its_row()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("excel.csv", Header + ",\n2025-03-01T10:00:00Z,session_start,S1,\n2025-03-01T10:00:05Z,view_item,S1,oops\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal((1L, 1L), (result.RowsStored, result.RowsRejected));
        Assert.Equal((3L, "Expected 3 columns, found 4."), (result.Errors[0].Line, result.Errors[0].Reason));
    }

    [Fact]
    public async Task A_raw_row_longer_than_the_limit_is_cut_and_its_size_said()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("long.csv", Header + "\nnot-a-time,view_item," + new string('x', 100_000) + "\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        var raw = result.Errors.Single().RawLine;
        Assert.EndsWith("… (100,021 bytes)", raw, StringComparison.Ordinal);
        Assert.True(raw.Length < ExportText.MaxRawLength + 40, $"{raw.Length} characters");
    }
}
