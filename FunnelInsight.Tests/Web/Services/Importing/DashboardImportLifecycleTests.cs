using FunnelInsight.Web.Accounts;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Web.Services.Importing;

/// <summary>The real dashboard's start after a killed import, its own shutdown during one, and its start while another writer holds the database.</summary>
public abstract class DashboardImportLifecycleTests : DatabaseProviderTests, IAsyncLifetime
{
    /// <summary>The test's database.</summary>
    protected TempDatabase Db { get; private set; } = null!;

    private LongImport _long = null!;

    public async Task InitializeAsync()
    {
        Db = await TempDatabase.CreateAsync(Provider);
        _long = LongImport.Create(Db);
        await Db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    [ProviderFact]
    public async Task The_dashboards_start_marks_a_killed_import_interrupted_and_removes_its_temporary_files_at_once()
    {
        await using (var import = _long.Start("Shop"))
        {
            await import.WaitUntilAsync(() => _long.RollingUp, "it was rolling its sessions up");
            await import.SignalAsync("KILL");
            await import.WaitAsync();
        }

        Assert.Single(_long.RollupFolders);

        await using var app = await TestApp.StartAsync(Db, _long.Settings);

        Assert.Equal((int)ImportStatus.Interrupted, await LastStatusAsync());
        Assert.Empty(_long.RollupFolders);
    }

    [ProviderFact]
    public async Task Stopping_the_dashboard_during_an_uploaded_import_leaves_it_cancelled_not_running_and_removes_its_files()
    {
        var app = await TestApp.StartAsync(Db, _long.Settings);
        await using var disposing = app;
        using var client = await OwnerClientAsync(app);
        var upload = await UploadUntilRollingUpAsync(app, client);

        var exit = await app.SignalAndWaitAsync("TERM");
        await IgnoreClosedConnectionAsync(upload);

        Assert.Equal(0, exit);
        Assert.Equal((int)ImportStatus.Cancelled, await LastStatusAsync());
        Assert.Equal(18, await Db.EventCountAsync());
        Assert.Empty(_long.RollupFolders);
    }

    [ProviderFact]
    public async Task A_dashboard_killed_during_an_uploaded_import_leaves_it_for_the_next_command_to_mark_interrupted()
    {
        var app = await TestApp.StartAsync(Db, _long.Settings);
        await using var disposing = app;
        using var client = await OwnerClientAsync(app);
        var upload = await UploadUntilRollingUpAsync(app, client);

        await app.SignalAndWaitAsync("KILL");
        await IgnoreClosedConnectionAsync(upload);
        var statusAfterKill = await LastStatusAsync();
        await using var next = ChildProcess.Start(Db, _long.Settings, "stores");
        var (exit, _) = await next.WaitAsync();

        Assert.Equal((int)ImportStatus.Running, statusAfterKill);
        Assert.Equal(0, exit);
        Assert.Equal((int)ImportStatus.Interrupted, await LastStatusAsync());
        Assert.Empty(_long.RollupFolders);
        Assert.Equal(18, await Db.EventCountAsync());
    }

    [ProviderTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dashboard_killed_mid_import_or_at_its_commit_leaves_the_store_as_before_or_complete_and_both_databases_agree(bool atCommit)
    {
        var app = await TestApp.StartAsync(Db, _long.Settings);
        await using var disposing = app;
        using var client = await OwnerClientAsync(app);
        var upload = await UploadUntilRollingUpAsync(app, client);
        if (atCommit)
        {
            await Eventually.HoldsAsync(() => _long.Committing || upload.IsCompleted, TimeSpan.FromMinutes(2), () => app.Log);
        }

        await app.SignalAndWaitAsync("KILL");
        await IgnoreClosedConnectionAsync(upload);
        await using var next = ChildProcess.Start(Db, _long.Settings, "stores");
        Assert.Equal(0, (await next.WaitAsync()).Exit);

        await StoreAgreement.AssertAsync(Db, 18, 18 + LongImport.EventCount);
    }

    private async Task<HttpClient> OwnerClientAsync(TestApp app)
    {
        var store = (await Db.Stores.FindAsync("Shop"))!;
        var owner = await TestAccounts.CreateUserAsync(Db, "owner@shop.example");
        await new StoreMemberships(Db.Database).SetAsync(store.Id, owner, StoreRole.Owner);
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await new ApiTokens(Db.Database).CreateAsync(owner, "upload")).Secret);
        return client;
    }

    // Posts the long export to the upload API and returns once its import is rolling its sessions up (it is mid-way).
    private async Task<Task<HttpResponseMessage>> UploadUntilRollingUpAsync(TestApp app, HttpClient client)
    {
        var store = (await Db.Stores.FindAsync("Shop"))!;
        var upload = client.PostAsync(new Uri($"api/stores/{store.Id}/imports/events?fileName=long.csv", UriKind.Relative),
            new StreamContent(File.OpenRead(_long.EventsFile)));
        await Eventually.HoldsAsync(() => _long.RollingUp, TimeSpan.FromMinutes(2), () => app.Log,
            () => upload.IsCompleted ? "the upload ended before its import rolled its sessions up" : null);
        return upload;
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

    private Task<long> LastStatusAsync() => Db.CountAsync("SELECT Status FROM Imports ORDER BY Id DESC LIMIT 1");
}

/// <summary>The tests of <see cref="DashboardImportLifecycleTests"/> on SQLite, and what only SQLite's one write lock can do.</summary>
public sealed class DashboardImportLifecycleTestsOnSqlite : DashboardImportLifecycleTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_dashboard_starts_and_answers_while_another_connection_holds_the_write_lock()
    {
        // A database in use: its accounts tables migrated too, so that a start has nothing to write.
        await AccountsDatabase.MigrateAsync(Db.Database);
        await using var writer = await Db.OpenSqliteAsync();
        using var held = writer.BeginTransaction(deferred: false);

        await using var app = await TestApp.StartAsync(Db);
        using var client = app.Client();
        using var login = await client.GetAsync(new Uri("account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        held.Rollback();
    }
}

/// <summary>The tests of <see cref="DashboardImportLifecycleTests"/> on PostgreSQL.</summary>
public sealed class DashboardImportLifecycleTestsOnPostgres : DashboardImportLifecycleTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
