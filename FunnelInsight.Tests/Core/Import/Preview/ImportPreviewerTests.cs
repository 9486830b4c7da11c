using FunnelInsight.Core.Import.Preview;

namespace FunnelInsight.Tests.Core.Import.Preview;

public sealed class ImportPreviewerTests : IAsyncLifetime
{
    private TempDatabase _temp = null!;

    public async Task InitializeAsync() => _temp = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public void A_ga4_export_is_recognised_and_its_session_column_proposed()
    {
        var path = _temp.WriteFile("ga4.csv",
            "event_timestamp,event_name,user_pseudo_id,ga_session_id,device.category\n" +
            "1700000000000000,session_start,u1,77,mobile\n" +
            "1700000001000000,view_item,u1,77,mobile\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Null(preview.Problem);
        Assert.Equal("ga4", preview.Format);
        Assert.Equal(2, preview.Rows.Count);
        Assert.Equal(["1700000001000000", "view_item", "u1", "77", "mobile"], preview.Rows[1]);
        Assert.Equal("ga_session_id", preview.Columns.Single(c => c.Field == "session_id").Column);
        Assert.Equal("device.category", preview.Columns.Single(c => c.Field == "device").Column);
        Assert.Null(preview.Columns.Single(c => c.Field == "price").Column);
        Assert.True(preview.Columns.Single(c => c.Field == "user_id").Required);
    }

    [Fact]
    public void An_unknown_layout_has_no_format_and_proposes_columns_by_canonical_name()
    {
        var path = _temp.WriteFile("custom.csv", "ts;event_type;sid;price\n2024-01-01T10:00:00Z;view_item;s1;9.5\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Null(preview.Format);
        Assert.Equal(["ts", "event_type", "sid", "price"], preview.Header);
        Assert.Null(preview.Columns.Single(c => c.Field == "event_time").Column);
        Assert.Equal("event_type", preview.Columns.Single(c => c.Field == "event_type").Column);
        Assert.Equal("price", preview.Columns.Single(c => c.Field == "price").Column);
    }

    [Fact]
    public void Only_the_first_rows_asked_for_are_read()
    {
        var path = _temp.WriteFile("many.csv", "order_id,created_at,total\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"A{i},2024-01-0{i % 9 + 1},{i}\n")));

        var preview = ImportPreviewer.Preview(path, ImportKind.Orders, maxRows: 3);

        Assert.Equal("canonical", preview.Format);
        Assert.Equal(3, preview.Rows.Count);
        Assert.Equal("A3", preview.Rows[2][0]);
    }

    [Fact]
    public void A_shopify_order_export_maps_order_id_to_its_name_column()
    {
        var path = _temp.WriteFile("shopify.csv", "Name,Email,Financial Status,Created at,Total,Taxes\n#1001,a@x.com,paid,2024-01-01 10:00:00 +0000,25.00,2.00\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Orders);

        Assert.Equal("shopify", preview.Format);
        Assert.Equal("Name", preview.Columns.Single(c => c.Field == "order_id").Column);
        Assert.Equal("Taxes", preview.Columns.Single(c => c.Field == "tax").Column);
    }

    [Fact]
    public void A_binary_file_named_csv_is_refused_as_not_csv_text()
    {
        var path = Path.Combine(_temp.Folder, "picture.csv");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Equal("\"picture.csv\" is an image, not a CSV export.", preview.Problem);
        Assert.Equal(PreviewProblem.NotText, preview.ProblemKind);
        Assert.Empty(preview.Header);
    }

    [Fact]
    public void A_utf16_file_previewed_in_another_encoding_is_told_its_byte_order_mark_not_called_binary()
    {
        var path = Path.Combine(_temp.Folder, "utf16.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("order_id,created_at,total\n1,2025-01-01,10\n")]);

        var preview = ImportPreviewer.Preview(path, ImportKind.Orders, choices: new FunnelInsight.Core.Import.Reading.ReadingChoices("windows-1252"));

        Assert.Equal(PreviewProblem.MarkedEncoding, preview.ProblemKind);
        Assert.StartsWith("\"utf16.csv\" is UTF-16 text", preview.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_with_one_column_is_refused()
    {
        var path = _temp.WriteFile("notes.csv", "just some notes\nand more notes\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        // The words of the upload's refusal: a file gets one verdict however it arrives.
        Assert.Equal("\"notes.csv\" has no comma, semicolon, tab or | in its first line, so it has no CSV header.", preview.Problem);
        Assert.Equal(PreviewProblem.OneColumn, preview.ProblemKind);
    }

    [Fact]
    public void A_file_of_blank_lines_is_refused_for_having_no_header()
    {
        var path = _temp.WriteFile("blank.csv", "\n\n\n");

        var preview = ImportPreviewer.Preview(path, ImportKind.Events);

        Assert.Equal((PreviewProblem.NoHeader, "\"blank.csv\" is empty."), (preview.ProblemKind, preview.Problem));
    }

    [Fact]
    public void Mapping_text_lists_the_chosen_columns_and_leaves_out_empty_fields()
    {
        ColumnProposal[] columns = [new("event_time", "ts", true), new("event_type", "action", true), new("price", null, false), new("session_id", "sid", true)];

        Assert.Equal("event_time=ts,event_type=action,session_id=sid", ImportPreview.MappingText(columns));
    }
}
