using System.Text;
using FunnelInsight.Web.Services.Importing;
using Microsoft.Extensions.Options;

namespace FunnelInsight.Tests.Web.Services.Importing;

public sealed class UploadFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    private UploadFolder Folder(long maxBytes) =>
        new(Options.Create(new UploadOptions { MaxBytes = maxBytes, TempFolder = _folder }));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_upload_is_copied_to_a_file_in_the_upload_folder_with_its_exact_bytes()
    {
        var text = "event_time,event_type,session_id\n" + string.Concat(Enumerable.Repeat("2024-01-01T00:00:00Z,view_item,s1\n", 5000));
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var reported = new List<long>();

        var path = await Folder(1_000_000).SaveAsync(source, new SyncProgress(reported.Add), CancellationToken.None);

        Assert.Equal(_folder, Path.GetDirectoryName(path));
        Assert.Equal(text, await File.ReadAllTextAsync(path));
        Assert.Equal(text.Length, reported[^1]);
    }

    [Fact]
    public async Task An_upload_past_the_limit_is_refused_and_leaves_no_file()
    {
        using var source = new MemoryStream(new byte[200_000]);

        var ex = await Assert.ThrowsAsync<UploadTooLargeException>(() => Folder(100_000).SaveAsync(source, null, CancellationToken.None));

        Assert.Equal(100_000, ex.MaxBytes);
        Assert.Empty(Directory.EnumerateFiles(_folder));
    }

    [Fact]
    public async Task Leftover_uploads_of_an_earlier_run_are_swept()
    {
        var folder = Folder(1000);
        using var source = new MemoryStream([1, 2, 3]);
        await folder.SaveAsync(source, null, CancellationToken.None);

        folder.DeleteLeftovers();

        Assert.Empty(Directory.EnumerateFiles(_folder));
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
