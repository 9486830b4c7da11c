using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>The cases of "What every import promises", through the real command line.</summary>
public sealed class ImportPromisesCommandTests : CommandLineRunTests
{
    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Cli.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<JsonElement> ImportAsync(params string[] args)
    {
        var run = await Cli.RunAsync(["import", "--store", "Shop", .. args]);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(LastLine(run.Output)).RootElement.Clone();
    }

    [Fact]
    public async Task An_unterminated_quote_rejects_its_line_and_the_rest_of_the_file_is_imported()
    {
        var path = Write("quote.csv", Encoding.UTF8.GetBytes(
            "event_time,event_type,session_id\n2025-03-01T10:00:00Z,session_start,S1\n2025-03-01T10:00:01Z,view_item,S1\n\"2025-03-01T10:00:02Z,view_item,S1\n2025-03-01T10:00:03Z,add_to_cart,S1\n2025-03-01T10:00:04Z,purchase,S1\n"));

        var json = await ImportAsync("--events", path);

        Assert.Equal((5, 4, 1), (json.GetProperty("rowsRead").GetInt32(), json.GetProperty("rowsStored").GetInt32(), json.GetProperty("rowsRejected").GetInt32()));
        Assert.Equal(4, json.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.StartsWith("Unterminated quote", json.GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf16_export_with_a_byte_order_mark_is_imported_and_its_encoding_reported()
    {
        var text = "event_time,event_type,session_id,country\n2025-03-01T10:00:00Z,session_start,S1,مصر\n";
        var path = Write("utf16.csv", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)]);

        var json = await ImportAsync("--events", path);

        Assert.Equal(("utf-16", 1), (json.GetProperty("encoding").GetString(), json.GetProperty("rowsStored").GetInt32()));
    }

    [Fact]
    public async Task The_encoding_option_reads_a_file_in_the_code_page_it_names()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write("arabic.csv", Encoding.GetEncoding(1256).GetBytes("event_time,event_type,session_id,country\n2025-03-01T10:00:00Z,session_start,S1,مصر\n"));

        var json = await ImportAsync("--events", path, "--encoding", "windows-1256");

        Assert.Equal(("windows-1256", 1), (json.GetProperty("encoding").GetString(), json.GetProperty("rowsStored").GetInt32()));
        Assert.Equal("مصر", (await EventRecord.StoredAsync(Cli.Database)).Single().Event.Country);
    }

    [Fact]
    public async Task Binary_garbage_is_refused_with_the_upload_pages_words_and_nothing_unprintable_reaches_the_terminal()
    {
        var path = Write("garbage.csv", [.. "event_time,\u001b[31mred"u8, 0x00, 0x01, 0x07, .. new byte[200]]);

        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", path);

        Assert.Equal(1, run.Exit);
        Assert.Equal("import: \"garbage.csv\" contains binary data, not text: it is not a CSV export.", run.Error.TrimEnd());
    }

    [Fact]
    public async Task An_unknown_layout_with_control_characters_and_a_5_mb_header_gets_a_short_printable_message()
    {
        var header = "when\u007F," + string.Join(',', Enumerable.Range(0, 600_000).Select(i => $"c{i}"));
        var path = Write("wide.csv", Encoding.UTF8.GetBytes(header + "\n1,2\n"));

        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", path);

        Assert.Equal(1, run.Exit);
        Assert.True(run.Error.Length < 2_000, $"{run.Error.Length} characters");
        Assert.StartsWith("import: The columns (when\\u007f, c0, c1,", run.Error, StringComparison.Ordinal);
        Assert.Contains("… (600,001 columns)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u007F', run.Error);
    }

    [Fact]
    public async Task A_daily_funnel_trend_survives_event_times_stored_before_the_range_check_existed()
    {
        // A database of the layout before event blocks (a row per event), holding times an old import let through (year −1200 and 3168),
        // upgraded by the command line's start (moved into the events file).
        var cli = Cli;
        var database = cli.Database;
        await OldDatabase.MigrateToAsync(database, "20261125082456_Accounts");
        await OldDatabase.ExecuteAsync(database, """
            INSERT INTO Stores (Id, Name, Currency, SessionTimeoutMinutes, ConversionWindowHours, DataVersion, CreatedUtc) VALUES (1, 'Old', 'EUR', 30, 168, 0, '2025-01-01');
            INSERT INTO Imports (Id, StoreId, Kind, FileName, FileSize, Sha256, Format, Mapping, RowsRead, RowsStored, RowsRejected, RowsDuplicate, StartedUtc, Status)
                VALUES (1, 1, 0, 'a.csv', 1, '', 'canonical', '', 3, 3, 0, 0, '2025-01-01', 1);
            INSERT INTO Events (Id, StoreId, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, IdentityHash) VALUES
                (1, 1, 1, -99999999999000000, 2, 's1', 'v1', 'session_start', 11),
                (2, 1, 1, 1740823200000000, 3, 's2', 'v2', 'session_start', 12),
                (3, 1, 1, 9223372036854775000, 4, 's3', 'v3', 'session_start', 13);
            """);

        var daily = await cli.RunAsync("report", "funnel", "--store", "Old", "--trend", "daily");
        var weekly = await cli.RunAsync("report", "funnel", "--store", "Old", "--trend", "weekly");
        var overview = await cli.RunAsync("report", "abandonment", "--store", "Old");

        Assert.True(daily.Exit == 0, daily.Error);
        Assert.True((weekly.Exit, overview.Exit) == (0, 0), weekly.Error + overview.Error);
        using var json = JsonDocument.Parse(daily.Output);
        Assert.Equal(3, json.RootElement.GetProperty("stages")[0].GetProperty("reached").GetInt32());
        Assert.Equal(["1900-01-01", "2025-03-01", "2200-01-01"], json.RootElement.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task The_date_order_and_decimal_options_read_a_file_that_cannot_tell_and_the_result_says_what_was_used()
    {
        var path = Write("euro.csv", Encoding.UTF8.GetBytes("event_time,event_type,session_id,price\n01/02/2025 10:00,view_item,S1,\"1,234\"\n"));

        var json = await ImportAsync("--events", path, "--date-order", "dmy", "--decimal", "comma");

        Assert.Equal(("dmy", "comma", 1), (json.GetProperty("dateOrder").GetString(), json.GetProperty("decimalMark").GetString(), json.GetProperty("rowsStored").GetInt32()));
        var stored = (await EventRecord.StoredAsync(Cli.Database)).Single().Event;
        Assert.Equal((Fixture.Us(2025, 2, 1, 10, 0, 0), 1.234), (stored.TimeUs, stored.Price));
    }

    [Fact]
    public async Task An_unknown_date_order_is_a_command_mistake()
    {
        var path = Write("e.csv", Encoding.UTF8.GetBytes("event_time,event_type,session_id\n2025-03-01T10:00:00Z,view_item,S1\n"));

        var run = await Cli.RunAsync("import", "--store", "Shop", "--events", path, "--date-order", "dym");

        Assert.Equal((2, "import: Unknown date order 'dym'. Use dmy, mdy or ymd."), (run.Exit, run.Error.TrimEnd()));
    }
}
