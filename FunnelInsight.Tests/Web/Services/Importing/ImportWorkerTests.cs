using FunnelInsight.Core.Import.Jobs;
using FunnelInsight.Web.Services.Importing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelInsight.Tests.Web.Services.Importing;

/// <summary>The background worker with this process's own queue (SQLite) and with the shared jobs table (PostgreSQL).</summary>
public abstract class ImportWorkerTests : DatabaseProviderTests, IAsyncLifetime, IDisposable
{
    private TempDatabase _temp = null!;
    private ImportJobs _jobs = null!;
    private ImportWorker _worker = null!;
    private int _storeId;

    public async Task InitializeAsync()
    {
        _temp = await TempDatabase.CreateAsync(Provider);
        _storeId = (await _temp.Stores.GetOrCreateAsync("Queue shop")).Id;
        _jobs = Provider.SharesImportJobs
            ? new ImportJobs(new SharedImportRunner(_temp.Database, new SharedImportJobs(_temp.Database, Path.Combine(_temp.Folder, "uploads")),
                new ImportService(_temp.Database), "worker-test", TimeSpan.FromSeconds(30)))
            : new ImportJobs();
        var uploads = new UploadGuard(_temp.Database, new ConfigurationBuilder().Build());
        _worker = new ImportWorker(_jobs, new ImportService(_temp.Database), new InterruptedImports(_temp.Database), uploads, new FunnelAnalytics(_temp.Database),
            NullLogger<ImportWorker>.Instance);
        await _worker.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        await _temp.DisposeAsync();
    }

    public void Dispose()
    {
        _worker.Dispose();
        _jobs.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<ImportResult> FinishedAsync(ImportJob job)
    {
        var done = new TaskCompletionSource<ImportResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        job.Changed += () =>
        {
            if (job.Result is { } result)
            {
                done.TrySetResult(result);
            }
        };
        if (job.Result is { } already)
        {
            return already;
        }

        return await done.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [ProviderFact]
    public async Task A_queued_upload_is_imported_in_the_background_and_its_file_removed()
    {
        var path = _temp.WriteFile("upload-1.upload", "event_time,event_type,session_id\n2024-01-01T10:00:00Z,session_start,s1\n2024-01-01T10:01:00Z,view_item,s1\nlater,view_item,s1\n");

        var job = await _jobs.EnqueueAsync(new ImportRequest(_storeId, ImportKind.Events, path, "events.csv"), new FileInfo(path).Length);
        // The worker may finish a three-row file before the list is read: then the job is gone from it with its result.
        var active = await _jobs.ActiveAsync(_storeId);
        Assert.True(active.SequenceEqual([job]) || (active.Count == 0 && job.Result is not null), $"{active.Count} active jobs right after the upload");
        var result = await FinishedAsync(job);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal((3, 2, 1), (result.RowsRead, result.RowsStored, result.RowsRejected));
        Assert.Equal(2, await _temp.EventCountAsync());
        Assert.Equal("events.csv", (await new ImportHistory(_temp.Database).ListAsync(_storeId))[0].FileName);
        Assert.False(File.Exists(path));
        Assert.Empty(await _jobs.ActiveAsync(_storeId));
    }

    [ProviderFact]
    public async Task An_import_into_a_store_that_is_gone_fails_on_its_page_and_the_queue_goes_on()
    {
        var lost = _temp.WriteFile("upload-2.upload", "event_time,event_type,session_id\n2024-01-01T10:00:00Z,session_start,s1\n");
        var good = _temp.WriteFile("upload-3.upload", "event_time,event_type,session_id\n2024-01-01T10:00:00Z,session_start,s2\n");

        var failed = await FinishedAsync(await _jobs.EnqueueAsync(new ImportRequest(_storeId + 100, ImportKind.Events, lost, "lost.csv"), 10));
        var next = await FinishedAsync(await _jobs.EnqueueAsync(new ImportRequest(_storeId, ImportKind.Events, good, "good.csv"), 10));

        Assert.Equal(ImportStatus.Failed, failed.Status);
        Assert.Contains("does not exist", failed.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(lost));
        Assert.Equal(1, next.RowsStored);
    }
}

/// <summary>The worker's tests with this process's own queue (SQLite).</summary>
public sealed class ImportWorkerTestsOnSqlite : ImportWorkerTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The worker's tests with the shared jobs table (PostgreSQL).</summary>
public sealed class ImportWorkerTestsOnPostgres : ImportWorkerTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
