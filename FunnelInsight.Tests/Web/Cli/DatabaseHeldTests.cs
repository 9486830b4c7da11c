using FunnelInsight.Web.Accounts;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>
/// Another writer holds the database (as a long import does, or <c>sqlite3</c> with <c>BEGIN IMMEDIATE</c>): verbs that only
/// read answer at once, and an import waits its turn, saying so.
/// </summary>
public sealed class DatabaseHeldTests : IAsyncLifetime
{
    private TempDatabase _db = null!;
    private SqliteConnection? _writer;
    private SqliteTransaction _held = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        // A database in use: its accounts tables migrated too, so that a start has nothing to write.
        await AccountsDatabase.MigrateAsync(_db.Database);
        await _db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
    }

    public async Task DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        await _db.DisposeAsync();
    }

    [Fact]
    public async Task While_another_connection_holds_the_write_lock_stores_and_report_answer_and_an_import_waits_then_runs()
    {
        var token = await MemberTokenAsync();
        var newEvents = _db.WriteFile("new.csv", "event_time,event_type,session_id\n2024-04-01T09:00:00Z,session_start,n1\n2024-04-01T09:02:00Z,add_to_cart,n1\n");
        await HoldWriteLockAsync();

        await using var stores = ChildProcess.Start(_db, null, "stores", "--token", token);
        var listed = await stores.WaitAsync();
        await using var report = ChildProcess.Start(_db, null, "report", "funnel", "--store", "Shop", "--token", token);
        var reported = await report.WaitAsync();
        await using var import = ChildProcess.Start(_db, null, "import", "--store", "Shop", "--events", newEvents, "--token", token);
        await import.WaitUntilAsync(() => import.Error.Contains("import: waiting for another import to finish…", StringComparison.Ordinal), "it said it waits");
        var storedWhileHeld = await _db.EventCountAsync();
        _held.Rollback();
        var imported = await import.WaitAsync();

        Assert.Equal((0, ""), (listed.Exit, stores.Error.Trim()));
        Assert.Contains("\"name\":\"Shop\",\"events\":18", listed.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (reported.Exit, report.Error.Trim()));
        Assert.Contains("\"stages\"", reported.Output, StringComparison.Ordinal);
        Assert.Equal(18, storedWhileHeld);
        Assert.Equal(0, imported.Exit);
        Assert.Contains("\"rowsStored\":2", imported.Output, StringComparison.Ordinal);
        Assert.Equal(20, await _db.EventCountAsync());
        Assert.Equal((int)ImportStatus.Succeeded, await _db.CountAsync("SELECT Status FROM Imports ORDER BY Id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Ctrl_c_while_an_import_waits_its_turn_exits_130_and_stores_nothing()
    {
        var newEvents = _db.WriteFile("new.csv", "event_time,event_type,session_id\n2024-04-01T09:00:00Z,session_start,n1\n");
        await HoldWriteLockAsync();
        await using var import = ChildProcess.Start(_db, null, "import", "--store", "Shop", "--events", newEvents);
        await import.WaitUntilAsync(() => import.Error.Contains("waiting for another import", StringComparison.Ordinal), "it said it waits");

        await import.SignalAsync("INT");
        var (exit, _) = await import.WaitAsync();
        _held.Rollback();

        Assert.Equal(130, exit);
        Assert.EndsWith("import: The import was cancelled; nothing was stored.", import.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(18, await _db.EventCountAsync());
        Assert.Equal(0, await _db.CountAsync($"SELECT COUNT(*) FROM Imports WHERE Status = {(int)ImportStatus.Running}"));
    }

    private async Task HoldWriteLockAsync()
    {
        _writer = await _db.OpenSqliteAsync();
        _held = _writer.BeginTransaction(deferred: false);
    }

    private async Task<string> MemberTokenAsync()
    {
        var store = (await _db.Stores.FindAsync("Shop"))!;
        var owner = await TestAccounts.CreateUserAsync(_db, "owner@shop.example");
        await new StoreMemberships(_db.Database).SetAsync(store.Id, owner, StoreRole.Owner);
        return (await new ApiTokens(_db.Database).CreateAsync(owner, "cli")).Secret;
    }
}
