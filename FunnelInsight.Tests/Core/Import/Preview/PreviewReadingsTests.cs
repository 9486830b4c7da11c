using FunnelInsight.Core.Import.Preview;

namespace FunnelInsight.Tests.Core.Import.Preview;

/// <summary>The preview decides encoding, date order and decimal mark as the import will, or takes the user's choice, and reads the first rows so.</summary>
public sealed class PreviewReadingsTests : IAsyncLifetime
{
    // Neither date has a part above 12: the file cannot tell 1 February from 2 January.
    private const string Ambiguous = "event_time,event_type,session_id,price\n01/02/2025 10:00,add_to_cart,s1,\"1,250\"\n05/03/2025 11:30,add_to_cart,s2,9\n";

    private TempDatabase _temp = null!;

    public async Task InitializeAsync() => _temp = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_temp.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_windows_1256_day_first_file_is_previewed_with_both_detected_and_its_arabic_and_dates_read_as_stored()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "event_time,event_type,session_id,country\n13/02/2025 10:00,session_start,s1,مصر\n05/03/2025 09:15,view_item,s1,السعودية\n";
        var path = WriteBytes("arabic.csv", Encoding.GetEncoding(1256).GetBytes(text));

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Equal(("windows-1256", DecisionSource.Detected), (preview.Encoding, preview.EncodingSource));
        Assert.Equal((DateOrder.Dmy, DecisionSource.Detected), (preview.Conventions!.DateOrder, preview.Conventions.DateOrderSource));
        Assert.Equal("مصر", preview.Rows[0][3]);
        Assert.Equal(
            [(new DateTime(2025, 2, 13, 10, 0, 0, DateTimeKind.Utc), "مصر"), (new DateTime(2025, 3, 5, 9, 15, 0, DateTimeKind.Utc), "السعودية")],
            preview.Readings.Select(r => (r.Time!.Value, r["country"]!.Text)));
    }

    [Fact]
    public void An_ambiguous_file_says_month_first_is_assumed_and_reads_its_dates_so()
    {
        var path = _temp.WriteFile("ambiguous.csv", Ambiguous);

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Equal((DateOrder.Mdy, DecisionSource.Assumed), (preview.Conventions!.DateOrder, preview.Conventions.DateOrderSource));
        Assert.Equal((DecimalMark.Point, DecisionSource.Assumed), (preview.Conventions.DecimalMark, preview.Conventions.DecimalMarkSource));
        Assert.Equal([new DateTime(2025, 1, 2, 10, 0, 0), new DateTime(2025, 5, 3, 11, 30, 0)], preview.Readings.Select(r => r.Time!.Value));
        Assert.Equal([1250d, 9d], preview.Readings.Select(r => r["price"]!.Number!.Value));
    }

    [Fact]
    public void Choosing_day_first_and_the_decimal_comma_rereads_the_rows_and_says_both_were_chosen()
    {
        var path = _temp.WriteFile("ambiguous.csv", Ambiguous);

        var preview = ImportPreviewer.Preview(path, ImportKind.Events, choices: new ReadingChoices(DateOrder: DateOrder.Dmy, DecimalMark: DecimalMark.Comma));

        Assert.Equal(new FileConventions(DateOrder.Dmy, DecisionSource.Chosen, DecimalMark.Comma, DecisionSource.Chosen), preview.Conventions);
        Assert.Equal([new DateTime(2025, 2, 1, 10, 0, 0), new DateTime(2025, 3, 5, 11, 30, 0)], preview.Readings.Select(r => r.Time!.Value));
        Assert.Equal([1.25, 9d], preview.Readings.Select(r => r["price"]!.Number!.Value));
    }

    [Fact]
    public void Choosing_another_encoding_decodes_the_rows_in_it_and_says_it_was_chosen()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = WriteBytes("latin.csv", Encoding.GetEncoding(1252).GetBytes("event_time,event_type,session_id,country\n2025-02-01T10:00:00Z,session_start,s1,España\n"));

        var detected = ImportPreviewer.Preview(path, ImportKind.Events);
        var chosen = ImportPreviewer.Preview(path, ImportKind.Events, choices: new ReadingChoices(Encoding: "windows-1256"));

        Assert.Equal(("windows-1252", DecisionSource.Detected, "España"), (detected.Encoding, detected.EncodingSource, detected.Readings[0]["country"]!.Text));
        Assert.Equal(("windows-1256", DecisionSource.Chosen, "Espaٌa"), (chosen.Encoding, chosen.EncodingSource, chosen.Readings[0]["country"]!.Text));
    }

    [Fact]
    public void A_row_the_import_would_reject_is_previewed_with_its_reason()
    {
        var path = _temp.WriteFile("bad.csv", "event_time,event_type,session_id\n13/02/2025 10:00,session_start,s1\n02/13/2025 10:00,view_item,s1\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Null(preview.Readings[0].Error);
        Assert.Equal((3L, null, "Unparseable time '02/13/2025 10:00'."), (preview.Readings[1].Line, preview.Readings[1].Time, preview.Readings[1].Error));
    }

    [Fact]
    public void The_users_mapping_decides_which_column_is_read_as_the_time()
    {
        var path = _temp.WriteFile("two-times.csv", "ts,local_ts,event_type,sid\n2025-02-01T10:00:00Z,01/02/2025 12:00,view_item,s1\n");

        var unmapped = ImportPreviewer.Preview(path, ImportKind.Events);
        var mapped = ImportPreviewer.Preview(path, ImportKind.Events, mapping: "event_time=ts,event_type=event_type,session_id=sid");

        Assert.Empty(unmapped.Readings);
        Assert.Equal("ts", mapped.Columns.Single(c => c.Field == "event_time").Column);
        Assert.Equal(new DateTime(2025, 2, 1, 10, 0, 0), Assert.Single(mapped.Readings).Time);
    }

    [Fact]
    public void An_order_export_is_previewed_with_its_own_conventions_and_its_lines_as_they_will_be_read()
    {
        var path = _temp.WriteFile("orders.csv", "order_id;created_at;total;currency\nA1;13/02/2025 10:00;1.234,50;EUR\nA2;14/02/2025 11:00;oops;EUR\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Orders);

        Assert.Equal(("utf-8", DecisionSource.Detected), (preview.Encoding, preview.EncodingSource));
        Assert.Equal(new FileConventions(DateOrder.Dmy, DecisionSource.Detected, DecimalMark.Comma, DecisionSource.Detected), preview.Conventions);
        var first = preview.Readings[0];
        Assert.Equal((new DateTime(2025, 2, 13, 10, 0, 0), "A1", 1234.5, "EUR"), (first.Time!.Value, first["order_id"]!.Text, first["total"]!.Number!.Value, first["currency"]!.Text));
        Assert.Equal(["order_id", "total", "currency"], first.Values.Select(v => v.Field));
        Assert.Equal((3L, "total 'oops' is not a number."), (preview.Readings[1].Line, preview.Readings[1].Error));
    }

    [Fact]
    public void A_row_kept_without_a_price_it_cannot_read_is_previewed_with_the_warning()
    {
        var path = _temp.WriteFile("warned.csv", "event_time,event_type,session_id,price\n2025-02-01T10:00:00Z,add_to_cart,s1,abc\n");

        var reading = Assert.Single(ImportPreviewer.Preview(path, ImportKind.Events).Readings);

        Assert.Equal((null, (double?)null), (reading.Error, reading["price"]!.Number));
        Assert.StartsWith("price: ", Assert.Single(reading.Warnings), StringComparison.Ordinal);
    }
}
