namespace FunnelInsight.Tests.Core.Import.Reading;

public class ExportEncodingTests
{
    private const string Arabic = "event_time,event_type,session_id,country\n2025-03-01T10:00:00Z,session_start,S1,السعودية\n2025-03-01T10:00:05Z,view_item,S1,مصر\n2025-03-01T10:00:09Z,view_item,S2,الأردن\n";

    static ExportEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<(FunnelInsight.Core.Import.ImportResult Result, IReadOnlyList<EventRecord> Events)> ImportBytesAsync(TempDatabase db, byte[] bytes, string? encoding = null)
    {
        var path = System.IO.Path.Combine(db.Folder, "export.csv");
        await File.WriteAllBytesAsync(path, bytes);
        var store = await db.Stores.GetOrCreateAsync("Test");
        var result = await new FunnelInsight.Core.Import.ImportService(db.Database).ImportAsync(
            new FunnelInsight.Core.Import.ImportRequest(store.Id, ImportKind.Events, path, Encoding: encoding));
        return (result, await EventRecord.AllAsync(db));
    }

    [Theory]
    [InlineData("utf-8", true, "utf-8")]
    [InlineData("utf-8", false, "utf-8")]
    [InlineData("utf-16", true, "utf-16")]
    [InlineData("utf-16BE", true, "utf-16BE")]
    [InlineData("utf-16", false, "utf-16")]
    [InlineData("windows-1256", false, "windows-1256")]
    public async Task Arabic_text_is_read_exactly_in_every_encoding_excel_writes(string name, bool bom, string detected)
    {
        await using var db = await TempDatabase.CreateAsync();
        var encoding = Encoding.GetEncoding(name);
        byte[] bytes = [.. bom ? encoding.Preamble : [], .. encoding.GetBytes(Arabic)];

        var (result, events) = await ImportBytesAsync(db, bytes);

        Assert.Equal((detected, 3L, 0L), (result.Encoding, result.RowsStored, result.RowsRejected));
        Assert.Equal(["السعودية", "مصر", "الأردن"], events.Select(e => e.Country));
    }

    [Fact]
    public async Task A_windows_1252_file_is_told_from_a_windows_1256_one_by_its_letters()
    {
        await using var db = await TempDatabase.CreateAsync();
        var bytes = Encoding.GetEncoding(1252).GetBytes("event_time,event_type,session_id,country\n2025-03-01T10:00:00Z,session_start,S1,Zürich\n2025-03-01T10:00:05Z,view_item,S2,Besançon\n");

        var (result, events) = await ImportBytesAsync(db, bytes);

        Assert.Equal("windows-1252", result.Encoding);
        Assert.Equal(["Zürich", "Besançon"], events.Select(e => e.Country));
    }

    [Fact]
    public async Task An_encoding_named_by_the_user_is_used_instead_of_the_guess()
    {
        await using var db = await TempDatabase.CreateAsync();
        // "é" alone looks like Windows-1252; the user says the file is ISO-8859-6 (Arabic), where 0xC9 is "ة".
        var bytes = Encoding.GetEncoding("iso-8859-6").GetBytes("event_time,event_type,session_id,country\n2025-03-01T10:00:00Z,session_start,S1,ة\n");

        var (result, events) = await ImportBytesAsync(db, bytes, "iso-8859-6");

        Assert.Equal(("iso-8859-6", "ة"), (result.Encoding, events.Single().Country));
    }

    [Fact]
    public async Task An_unknown_encoding_name_fails_the_import_with_a_message_naming_it()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (result, _) = await ImportBytesAsync(db, Encoding.UTF8.GetBytes(Arabic), "klingon-8");

        Assert.Equal((ImportStatus.Failed, "Unknown encoding 'klingon-8'. Use a name such as utf-8, utf-16, windows-1256 or windows-1252."), (result.Status, result.Message));
    }

    [Theory]
    [InlineData("utf-16", "utf-8", "UTF-16", "utf-16")]
    [InlineData("utf-16", "windows-1252", "UTF-16", "utf-16")]
    [InlineData("utf-16BE", "utf-8", "UTF-16", "utf-16")]
    [InlineData("utf-8", "windows-1252", "UTF-8", "utf-8")]
    public async Task A_byte_order_mark_that_disagrees_with_the_encoding_given_is_said_not_called_binary(string written, string given, string named, string advised)
    {
        await using var db = await TempDatabase.CreateAsync();
        var encoding = Encoding.GetEncoding(written);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Arabic)];

        var (result, events) = await ImportBytesAsync(db, bytes, given);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal($"\"export.csv\" is {named} text (it starts with a {named} byte order mark), not in the encoding chosen. Import it without an encoding (drop --encoding), or with {advised}.", result.Message);
        Assert.Empty(events);
    }

    [Fact]
    public async Task The_encoding_a_byte_order_mark_names_given_by_name_reads_the_file()
    {
        await using var db = await TempDatabase.CreateAsync();
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Arabic)];

        var (result, events) = await ImportBytesAsync(db, bytes, "utf-16");

        Assert.Equal((ImportStatus.Succeeded, 3), (result.Status, events.Count));
    }

    [Fact]
    public void A_utf16_export_is_text_to_the_content_check_while_binary_garbage_is_not()
    {
        byte[] utf16 = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Arabic)];
        byte[] garbage = [.. "event_time,"u8, 0x00, 0x01, 0x02, 0x1B, (byte)'x', 0x7F, 0x00, 0x03];

        Assert.Null(ExportContent.Problem(utf16));
        Assert.Equal(ContentProblem.Binary, ExportContent.Problem(garbage));
    }

    [Fact]
    public void Every_encoding_the_preview_offers_is_one_an_import_reads_and_reports_under_the_same_name()
    {
        Assert.All(ExportEncoding.Offered, name => Assert.Equal(name, ExportEncoding.Named(name, default).Name));
    }
}
