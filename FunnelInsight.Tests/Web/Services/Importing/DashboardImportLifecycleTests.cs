using System.Net;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Import;
using FunnelInsight.Tests.Support;
using FunnelInsight.Web.Accounts;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Web.Services.Importing;

/// <summary>The real dashboard's start after a killed import, its own shutdown during one, and its start while another writer holds the database.</summary>
public sealed class DashboardImportLifecycleTests : IAsyncLifetime
{
    private TempDatabase _db = null!;
    private LongImport _long = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _long = LongImport.Create(_db);
        await _db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_dashboards_start_marks_a_killed_import_interrupted_and_removes_its_temporary_files_at_once()
    {
        await using (var import = _long.Start("Shop"))
        {
            await import.WaitUntilAsync(() => _long.RollingUp, "it was rolling its sessions up");
            await import.SignalAsync("KILL");
            await import.WaitAsync();
        }

        Assert.Single(_long.RollupFolders);

        await using var app = await TestApp.StartAsync(_db, _long.Settings);

        Assert.Equal((int)ImportStatus.Interrupted, await LastStatusAsync());
        Assert.Empty(_long.RollupFolders);
    }

    [Fact]
    public async Task Stopping_the_dashboard_during_an_uploaded_import_leaves_it_cancelled_not_running_and_removes_its_files()
    {
        var app = await TestApp.StartAsync(_db, _long.Settings);
        await using var disposing = app;
        using var client = await OwnerClientAsync(app);
        var upload = await UploadUntilRollingUpAsync(app, client);

        var exit = await app.SignalAndWaitAsync("TERM");
        await IgnoreClosedConnectionAsync(upload);

        Assert.Equal(0, exit);
        Assert.Equal((int)ImportStatus.Cancelled, await LastStatusAsync());
        Assert.Equal(18, await _db.EventCountAsync());
        Assert.Empty(_long.RollupFolders);
    }

    [Fact]
    public async Task A_dashboard_killed_during_an_uploaded_import_leaves_it_for_the_next_command_to_mark_interrupted()
    {
        var app = await TestApp.StartAsync(_db, _long.Settings);
        await using var disposing = app;
        using var client = await OwnerClientAsync(app);
        var upload = await UploadUntilRollingUpAsync(app, client);

        await app.SignalAndWaitAsync("KILL");
        await IgnoreClosedConnectionAsync(upload);
        var statusAfterKill = await LastStatusAsync();
        await using var next = ChildProcess.Start(_db, _long.Settings, "stores");
        var (exit, _) = await next.WaitAsync();

        Assert.Equal((int)ImportStatus.Running, statusAfterKill);
        Assert.Equal(0, exit);
        Assert.Equal((int)ImportStatus.Interrupted, await LastStatusAsync());
        Assert.Empty(_long.RollupFolders);
        Assert.Equal(18, await _db.EventCountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dashboard_killed_mid_import_or_at_its_commit_leaves_the_store_as_before_or_complete_and_both_databases_agree(bool atCommit)
    {
        var app = await TestApp.StartAsync(_db, _long.Settings);
        await using var disposing = app;
        using var client = await OwnerClientAsync(app);
        var upload = await UploadUntilRollingUpAsync(app, client);
        if (atCommit)
        {
            await WaitUntilAsync(() => _long.Committing || upload.IsCompleted, app);
        }

        await app.SignalAndWaitAsync("KILL");
        await IgnoreClosedConnectionAsync(upload);
        await using var next = ChildProcess.Start(_db, _long.Settings, "stores");
        Assert.Equal(0, (await next.WaitAsync()).Exit);

        await StoreAgreement.AssertAsync(_db, 18, 18 + LongImport.EventCount);
    }

    [Fact]
    public async Task The_dashboard_starts_and_answers_while_another_connection_holds_the_write_lock()
    {
        // A database in use: its accounts tables migrated too, so that a start has nothing to write.
        await AccountsDatabase.MigrateAsync(_db.Database);
        await using var writer = await _db.OpenSqliteAsync();
        using var held = writer.BeginTransaction(deferred: false);

        await using var app = await TestApp.StartAsync(_db);
        using var client = app.Client();
        using var login = await client.GetAsync(new Uri("account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        held.Rollback();
    }

    private async Task<HttpClient> OwnerClientAsync(TestApp app)
    {
        var store = (await _db.Stores.FindAsync("Shop"))!;
        var owner = await TestAccounts.CreateUserAsync(_db, "owner@shop.example");
        await new StoreMemberships(_db.Database).SetAsync(store.Id, owner, StoreRole.Owner);
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await new ApiTokens(_db.Database).CreateAsync(owner, "upload")).Secret);
        return client;
    }

    // Posts the long export to the upload API and returns once its import is rolling its sessions up (it is mid-way).
    private async Task<Task<HttpResponseMessage>> UploadUntilRollingUpAsync(TestApp app, HttpClient client)
    {
        var store = (await _db.Stores.FindAsync("Shop"))!;
        var upload = client.PostAsync(new Uri($"api/stores/{store.Id}/imports/events?fileName=long.csv", UriKind.Relative),
            new StreamContent(File.OpenRead(_long.EventsFile)));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!_long.RollingUp)
        {
            Assert.False(upload.IsCompleted, "the upload ended before its import rolled its sessions up");
            Assert.True(DateTime.UtcNow < deadline, app.Log);
            await Task.Delay(20);
        }

        return upload;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TestApp app)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, app.Log);
            await Task.Delay(20);
        }
    }

    private static async Task IgnoreClosedConnectionAsync(Task<HttpResponseMessage> upload)
    {
        try
        {
            (await upload).Dispose();
        }
        catch (HttpRequestException)
        {
            // The connection may close with the server: the record is what must be right.
        }
    }

    private Task<long> LastStatusAsync() => _db.CountAsync("SELECT Status FROM Imports ORDER BY Id DESC LIMIT 1");
}
