using Microsoft.Extensions.Configuration;

namespace FunnelInsight.Tests.Web.Services;

public sealed class UploadGuardTests
{
    private const string Csv = "event_time,event_type,session_id\n2024-03-01T10:00:00Z,session_start,s1\n";

    [Fact]
    public async Task An_accepted_upload_is_kept_under_a_name_of_our_own_in_the_stores_folder_and_removed_after_import()
    {
        await using var db = await TempDatabase.CreateAsync();
        var guard = Guard(db);

        var result = await guard.SaveAsync(7, "events.csv", Stream(Csv), Csv.Length);

        var file = Assert.IsType<StoredUpload>(result.File);
        Assert.Null(result.Rejection);
        Assert.Equal(("events.csv", 71L), (file.FileName, file.Length));
        Assert.Equal(db.Database.StoreFilesFolder(7), Path.GetDirectoryName(file.Path));
        Assert.StartsWith("upload-", Path.GetFileName(file.Path), StringComparison.Ordinal);
        Assert.Equal(Csv, await File.ReadAllTextAsync(file.Path));
        UploadGuard.Remove(file.Path);
        Assert.False(File.Exists(file.Path));
    }

    [Fact]
    public async Task A_file_declared_larger_than_the_limit_is_refused_with_the_limit_in_words()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await Guard(db, maxBytes: 1024).SaveAsync(1, "events.csv", Stream(Csv), 5000);

        Assert.Equal(UploadRefusal.TooLarge, result.Refusal);
        Assert.Equal("The file is larger than the upload limit of 1 KB. Split the export into smaller files (for example by month) and upload each.", result.Rejection);
    }

    [Fact]
    public async Task A_file_that_grows_past_the_limit_while_streaming_is_refused_and_nothing_is_left_on_disk()
    {
        await using var db = await TempDatabase.CreateAsync();
        var big = Csv + string.Concat(Enumerable.Repeat("2024-03-01T10:00:00Z,view_item,s1\n", 300));

        var result = await Guard(db, maxBytes: 10_000).SaveAsync(1, "events.csv", Stream(big), declaredLength: null);

        Assert.True(result.TooLarge);
        Assert.Equal("The file is larger than the upload limit of 9.8 KB. Split the export into smaller files (for example by month) and upload each.", result.Rejection);
        Assert.Empty(Directory.GetFiles(db.Database.StoreFilesFolder(1)));
    }

    [Theory]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0006\u0000", "\"events.csv\" is a ZIP archive or an Excel workbook, not a CSV export. Save it as CSV (comma separated) and upload that.", ContentProblem.ZipArchive)]
    [InlineData("MZ\u0090\u0000\u0003\u0000", "\"events.csv\" is a program, not a CSV export.", ContentProblem.Program)]
    [InlineData("%PDF-1.7\n", "\"events.csv\" is a PDF document, not a CSV export.", ContentProblem.Pdf)]
    [InlineData("\n  <!DOCTYPE html><html><body>a,b</body></html>", "\"events.csv\" is a web page or XML document, not a CSV export.", ContentProblem.WebPage)]
    [InlineData("event_time,event_type\u0000\u0001\u0002", "\"events.csv\" contains binary data, not text: it is not a CSV export.", ContentProblem.Binary)]
    [InlineData("just some notes\nwithout columns\n", "\"events.csv\" has no comma, semicolon, tab or | in its first line, so it has no CSV header.", ContentProblem.NoDelimiter)]
    [InlineData("", "\"events.csv\" is empty.", ContentProblem.Empty)]
    public async Task Content_that_is_not_a_csv_export_is_refused_whatever_the_extension(string content, string message, ContentProblem problem)
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await Guard(db).SaveAsync(1, "events.csv", new MemoryStream(Encoding.Latin1.GetBytes(content)), content.Length);

        Assert.Equal((message, UploadRefusal.NotCsvContent, problem), (result.Rejection, result.Refusal, result.Content));
        Assert.Null(result.File);
        Assert.False(Directory.Exists(db.Database.StoreFilesFolder(1)));
    }

    [Fact]
    public async Task A_semicolon_separated_export_with_a_byte_order_mark_is_accepted()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await Guard(db).SaveAsync(1, "orders.txt", Stream("\uFEFForder_id;created_at;total\n1;2024-03-01;10\n"), null);

        Assert.Equal("orders.txt", result.File?.FileName);
    }

    [Fact]
    public async Task A_hostile_file_name_is_stripped_of_its_folders_and_control_characters()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await Guard(db).SaveAsync(3, "../../wwwroot/\u0000evil\u202E.csv", Stream(Csv), null);

        Assert.Equal("evil.csv", result.File?.FileName);
        Assert.Equal(db.Database.StoreFilesFolder(3), Path.GetDirectoryName(result.File?.Path));
    }

    [Theory]
    [InlineData("../", "The file name is empty or has no usable characters. Rename the file (for example events.csv) and upload it again.", UploadRefusal.BadFileName)]
    [InlineData("\u0000\u0001", "The file name is empty or has no usable characters. Rename the file (for example events.csv) and upload it again.", UploadRefusal.BadFileName)]
    [InlineData("C:\\Users\\x\\setup.exe", "\"setup.exe\" is not a CSV file. Only .csv, .tsv or .txt exports can be imported.", UploadRefusal.NotCsvExtension)]
    [InlineData("report.csv.html", "\"report.csv.html\" is not a CSV file. Only .csv, .tsv or .txt exports can be imported.", UploadRefusal.NotCsvExtension)]
    public async Task A_file_name_that_is_unusable_or_not_a_csv_name_is_refused(string name, string message, UploadRefusal refusal)
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await Guard(db).SaveAsync(1, name, Stream(Csv), null);

        Assert.Equal((message, refusal), (result.Rejection, result.Refusal));
    }

    [Fact]
    public void The_default_limit_is_one_gigabyte()
    {
        var guard = new UploadGuard(new FunnelInsight.Core.Storage.FunnelDatabase("Data Source=:memory:"), new ConfigurationBuilder().Build());

        Assert.Equal("1 GB", UploadGuard.Describe(guard.MaxBytes));
    }

    [Fact]
    public async Task The_bytes_stored_so_far_are_reported_up_to_the_whole_file()
    {
        await using var db = await TempDatabase.CreateAsync();
        var text = "event_time,event_type,session_id\n" + string.Concat(Enumerable.Repeat("2024-01-01T00:00:00Z,view_item,s1\n", 50000));
        var reported = new List<long>();

        var result = await Guard(db).SaveAsync(1, "events.csv", Stream(text), text.Length, new SyncProgress(reported.Add));

        Assert.Equal(text.Length, reported[^1]);
        Assert.True(reported.Count > 1);
        Assert.Equal(text, await File.ReadAllTextAsync(result.File!.Path));
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_no_partial_file()
    {
        await using var db = await TempDatabase.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var text = Csv + string.Concat(Enumerable.Repeat("2024-01-01T00:00:00Z,view_item,s1\n", 5000));

        // Cancelled once the first bytes are on disk, as when the page is left mid-upload.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Guard(db).SaveAsync(1, "events.csv", Stream(text), text.Length, new SyncProgress(_ => cancel.Cancel()), cancel.Token));

        Assert.Empty(Directory.EnumerateFiles(db.Database.StoreFilesFolder(1)));
    }

    [Fact]
    public async Task Leftover_uploads_of_an_earlier_run_are_swept_from_every_store_and_other_files_stay()
    {
        await using var db = await TempDatabase.CreateAsync();
        var guard = Guard(db);
        var first = (await guard.SaveAsync(1, "a.csv", Stream(Csv), null)).File!;
        var second = (await guard.SaveAsync(2, "b.csv", Stream(Csv), null)).File!;
        var kept = Path.Combine(db.Database.StoreFilesFolder(2), "notes.txt");
        await File.WriteAllTextAsync(kept, "not an upload");

        await guard.RemoveLeftoversAsync(null);

        Assert.Equal((false, false, true), (File.Exists(first.Path), File.Exists(second.Path), File.Exists(kept)));
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private static UploadGuard Guard(TempDatabase db, long maxBytes = UploadGuard.DefaultMaxBytes) =>
        new(db.Database, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build());

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
