using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>
/// A file read as UTF-8 whose bytes are not all UTF-8 is never read with U+FFFD: the row with such bytes is rejected,
/// naming them and the column, and every other row is stored, whether the bytes are in the first megabyte (the part
/// the encoding is decided from) or after it. Through the real command line.
/// </summary>
public sealed class InvalidUtf8CommandTests : CommandLineRunTests
{
    private const string Header = "event_time,event_type,session_id,country\n";

    private async Task<JsonElement> ImportAsync(byte[] bytes)
    {
        var path = Path.Combine(Cli.Folder, "events.csv");
        await File.WriteAllBytesAsync(path, bytes);
        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", path);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(LastLine(run.Output)).RootElement.Clone();
    }

    [Fact]
    public async Task A_stray_byte_in_a_mostly_utf8_first_megabyte_rejects_its_row_naming_the_byte_and_the_rest_is_read_as_utf8()
    {
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes(Header + "2025-03-01T10:00:00Z,session_start,S1,مصر\n2025-03-01T10:00:01Z,view_item,S1,السعودية\n"),
            .. "2025-03-01T10:00:02Z,view_item,S1,Egy"u8, 0xFF, .. "pt\n"u8,
            .. Encoding.UTF8.GetBytes("2025-03-01T10:00:03Z,add_to_cart,S1,مصر\n"),
        ];

        var json = await ImportAsync(bytes);

        Assert.Equal(("utf-8", 3, 1), (json.GetProperty("encoding").GetString(), json.GetProperty("rowsStored").GetInt32(), json.GetProperty("rowsRejected").GetInt32()));
        var error = json.GetProperty("errors")[0];
        Assert.Equal((4, "country"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        Assert.StartsWith("Bytes 0xFF in country are not UTF-8, the encoding the file is read in", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var countries = (await EventRecord.StoredAsync(Cli.Database)).Select(e => e.Event.Country).ToList();
        Assert.Equal(["مصر", "السعودية", "مصر"], countries);
    }

    [Fact]
    public async Task A_latin1_byte_after_the_first_megabyte_of_a_utf8_file_rejects_its_row_with_its_line_and_every_other_row_is_stored()
    {
        // 30,000 ASCII rows (about 1.3 MB) decide UTF-8; the row after them writes café in Windows-1252.
        var rows = Enumerable.Range(0, 30_000).Select(i => $"2025-03-01T10:00:00Z,view_item,S{i},Egypt\n");
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes(Header + string.Concat(rows)),
            .. "2025-03-01T11:00:00Z,view_item,T1,caf"u8, 0xE9, .. "\n"u8,
            .. "2025-03-01T11:00:01Z,view_item,T2,Egypt\n"u8,
        ];
        Assert.True(bytes.Length > (1 << 20) + 100_000);

        var json = await ImportAsync(bytes);

        Assert.Equal(("utf-8", 30_001, 1), (json.GetProperty("encoding").GetString(), json.GetProperty("rowsStored").GetInt32(), json.GetProperty("rowsRejected").GetInt32()));
        var error = json.GetProperty("errors")[0];
        Assert.Equal(30_002, error.GetProperty("line").GetInt32());
        Assert.StartsWith("Bytes 0xE9 in country are not UTF-8", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("--encoding windows-1252", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await EventRecord.StoredAsync(Cli.Database)), e => (e.Event.Country ?? "").Contains('\uFFFD', StringComparison.Ordinal));
    }
}
