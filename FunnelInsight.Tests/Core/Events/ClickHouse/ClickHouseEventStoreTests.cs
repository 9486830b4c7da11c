using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Tests.Core.Events.ClickHouse;

/// <summary>
/// Imports, duplicates, deletions and the states a kill leaves on the ClickHouse engine, against a real server. A kill is
/// made by hand as the write protocol would leave it: the write's rows stored and its <c>writes</c> record pending.
/// </summary>
public class ClickHouseEventStoreTests : IClickHouseTests
{
    private const string Header = "event_time,event_type,session_id,user_id,product_id,price\n";

    private const string First = Header +
        "2025-03-01T10:00:00Z,session_start,s1,v1,,\n" +
        "2025-03-01T10:01:00Z,view_item,s1,v1,p1,\n" +
        "2025-03-01T10:02:00Z,add_to_cart,s1,v1,p1,12.5\n" +
        "2025-03-01T11:00:00Z,session_start,s2,v2,,\n";

    // Repeats s1's first two events, adds a cart event to s1 and a new session (whose first row it repeats).
    private const string Overlapping = Header +
        "2025-03-01T10:00:00Z,session_start,s1,v1,,\n" +
        "2025-03-01T10:01:00Z,view_item,s1,v1,p1,\n" +
        "2025-03-01T10:05:00Z,add_to_cart,s1,v1,p2,3\n" +
        "2025-03-02T09:00:00Z,session_start,s3,v3,,\n" +
        "2025-03-02T09:00:00Z,session_start,s3,v3,,\n";

    [ProviderFact]
    public async Task An_import_stores_its_events_and_sessions_and_the_funnel_counts_them_as_on_duckdb()
    {
        await using var duck = await AnalyticsStore.CreateAsync(Analytics.FunnelAnalyticsTests.SixSessions);
        await using var clickHouse = await AnalyticsStore.CreateAsync(Analytics.FunnelAnalyticsTests.SixSessions, engine: Engine());

        Assert.Equal(20, await clickHouse.Temp.EventCountAsync());
        Assert.Equal(6, await clickHouse.Temp.SessionCountAsync());
        var expected = await duck.Analytics.FunnelAsync(duck.Query);
        var actual = await clickHouse.Analytics.FunnelAsync(clickHouse.Query);
        Assert.Equal(expected.Total.Stages.Select(s => s.Reached), actual.Total.Stages.Select(s => s.Reached));
        Assert.Equal(await EventRecord.StoredAsync(duck.Temp.Database), await EventRecord.StoredAsync(clickHouse.Temp.Database));
        Assert.Equal((await duck.Temp.SessionsAsync()).Select(s => s.Comparable), (await clickHouse.Temp.SessionsAsync()).Select(s => s.Comparable));
    }

    [ProviderFact]
    public async Task The_same_file_again_adds_nothing_and_an_overlapping_export_adds_only_its_new_events()
    {
        await using var db = await TempDatabase.CreateAsync(Engine());
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));
        var again = await db.ImportAsync(ImportKind.Events, db.WriteFile("again.csv", First));
        var untouched = (await db.SessionsAsync()).Single(s => s.Session == "s2").Comparable;

        var overlapping = await db.ImportAsync(ImportKind.Events, db.WriteFile("overlap.csv", Overlapping));

        Assert.Equal((ImportStatus.Succeeded, 0L, 4L), (again.Status, again.RowsStored, again.RowsDuplicate));
        // Two of its rows were stored already and one repeats a row of the same file.
        Assert.Equal((ImportStatus.Succeeded, 2L, 3L), (overlapping.Status, overlapping.RowsStored, overlapping.RowsDuplicate));
        Assert.Equal(6, await db.EventCountAsync());
        var sessions = await db.SessionsAsync();
        Assert.Equal(["s1", "s2", "s3"], sessions.Select(s => s.Session).Order(StringComparer.Ordinal));
        // The import rolled up s1 and s3 again; s2, which it did not touch, kept its row.
        Assert.Equal(untouched, sessions.Single(s => s.Session == "s2").Comparable);
        Assert.Equal((4, 15.5), sessions.Single(s => s.Session == "s1") is var s1 ? (s1.Events, s1.CartValue) : default);
    }

    [ProviderFact]
    public async Task Deleting_an_import_keeps_the_events_another_import_delivered_too_and_rolls_the_sessions_up_again()
    {
        await using var db = await TempDatabase.CreateAsync(Engine());
        var first = await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));
        var overlapping = await db.ImportAsync(ImportKind.Events, db.WriteFile("overlap.csv", Overlapping));
        var storeId = (await db.Stores.FindAsync("Test"))!.Id;

        var deleted = await new ImportDeletion(db.Database).DeleteAsync(storeId, first.ImportId);

        // s1's add_to_cart and s2 came only with the first import; s1's first two events came again with the second.
        Assert.Equal(2, deleted.EventsRemoved);
        Assert.Equal(4, await db.EventCountAsync());
        var sessions = await db.SessionsAsync();
        Assert.Equal(["s1", "s3"], sessions.Select(s => s.Session).Order(StringComparer.Ordinal));
        Assert.Equal(3, sessions.Single(s => s.Session == "s1").Events);
        Assert.Equal(4, await db.ImportEventCountAsync(overlapping.ImportId) + await db.ImportEventCountAsync(first.ImportId));
    }

    [ProviderFact]
    public async Task Deleting_a_store_leaves_no_row_of_it_on_the_server()
    {
        var engine = Engine();
        await using var db = await TempDatabase.CreateAsync(engine);
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First), store: "Gone");
        await db.ImportAsync(ImportKind.Events, db.WriteFile("kept.csv", Overlapping), store: "Kept");
        var gone = (await db.Stores.FindAsync("Gone"))!.Id;

        await db.Stores.DeleteAsync(gone);

        foreach (var table in new[] { "events", "sessions", "session_drops", "import_repeats", "writes" })
        {
            Assert.Equal("0", await TestServers.ClickHouseAsync(engine, $"SELECT count() FROM {table} WHERE store_id = {gone}"));
        }

        Assert.Equal(4, await db.EventCountAsync());
    }

    [ProviderFact]
    public async Task An_import_killed_before_the_application_database_committed_is_taken_out_at_the_next_start()
    {
        var engine = Engine();
        await using var db = await TempDatabase.CreateAsync(engine);
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));
        var sessionsBefore = await db.SessionsAsync();
        var second = await db.ImportAsync(ImportKind.Events, db.WriteFile("overlap.csv", Overlapping));
        Assert.Equal(6, await db.EventCountAsync());
        // As a kill leaves it: the write's rows stored, its record pending, the import never recorded as succeeded.
        await Uncommit(engine, second.ImportId);
        await db.CountAsync($"UPDATE Imports SET Status = {(int)ImportStatus.Interrupted} WHERE Id = {second.ImportId}");
        Assert.Equal(4, await db.EventCountAsync());

        await db.Database.MigrateAsync();

        Assert.Equal(4, await db.EventCountAsync());
        Assert.Equal(sessionsBefore.Select(s => s.Comparable), (await db.SessionsAsync()).Select(s => s.Comparable));
        Assert.Equal("0", await TestServers.ClickHouseAsync(engine, "SELECT count() FROM (SELECT write_id FROM writes GROUP BY write_id HAVING max(state) = 0)"));
        await WaitForMutations(engine);
        Assert.Equal("0", await TestServers.ClickHouseAsync(engine, $"SELECT count() FROM events WHERE import_id = {second.ImportId}"));
    }

    [ProviderFact]
    public async Task An_import_killed_after_the_application_database_committed_is_kept_at_the_next_start()
    {
        var engine = Engine();
        await using var db = await TempDatabase.CreateAsync(engine);
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));
        var second = await db.ImportAsync(ImportKind.Events, db.WriteFile("overlap.csv", Overlapping));
        var sessionsAfter = await db.SessionsAsync();
        await Uncommit(engine, second.ImportId);

        await db.Database.MigrateAsync();

        Assert.Equal(6, await db.EventCountAsync());
        Assert.Equal(sessionsAfter.Select(s => s.Comparable), (await db.SessionsAsync()).Select(s => s.Comparable));
    }

    [ProviderFact]
    public async Task A_settings_rebuild_killed_before_its_settings_committed_is_done_again_with_the_stores_settings()
    {
        var engine = Engine();
        await using var db = await TempDatabase.CreateAsync(engine);
        await SettingsRebuildFixture.RolledUpAtSixtyMinutesWithThirtyStoredAsync(db);
        await TestServers.ClickHouseAsync(engine, "ALTER TABLE writes DELETE WHERE kind = 'rebuild' AND state = 1");
        await WaitForMutations(engine);

        await db.Database.MigrateAsync();

        Assert.Equal(2, (await db.SessionsAsync()).Count);
    }

    [ProviderFact]
    public async Task Text_with_quotes_backslashes_tabs_and_newlines_comes_back_as_it_went_in()
    {
        await using var db = await TempDatabase.CreateAsync(Engine());
        const string hostile = "x'); DROP TABLE events; --\\\t\"line\nbreak\" ٪";
        await db.ImportAsync(ImportKind.Events, db.WriteFile("hostile.csv", Header + $"2025-03-01T10:00:00Z,\"{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",s1,v1,,\n"));

        var events = await EventRecord.StoredAsync(db.Database);
        var storeId = (await db.Stores.FindAsync("Test"))!.Id;
        var names = await db.Database.Events.EventNamesAsync(storeId, CancellationToken.None);

        Assert.Equal(hostile, Assert.Single(names).Name);
        Assert.Single(events);
    }

    /// <summary>A new ClickHouse database of the test's own: one database here.</summary>
    private protected virtual EventEngineOptions Engine() => TestServers.ClickHouseEngine();

    // Takes back a write's committed record, as a kill before it was written leaves it.
    private static async Task Uncommit(EventEngineOptions engine, int importId)
    {
        await TestServers.ClickHouseAsync(engine, $"ALTER TABLE writes DELETE WHERE kind = 'import' AND import_id = {importId} AND state = 1");
        await WaitForMutations(engine);
    }

    private static async Task WaitForMutations(EventEngineOptions engine)
    {
        var database = System.Web.HttpUtility.ParseQueryString(new Uri(engine.ClickHouse!).Query)["database"];
        var shards = engine.ClickHouseShards is null ? "" : $" OR database IN (SELECT default_database FROM system.clusters WHERE cluster = '{engine.ClickHouseShards}')";
        // A mutation that never finishes fails the test with what is left, instead of hanging the run.
        var pending = "";
        await Eventually.HoldsAsync(async () => (pending = await TestServers.ClickHouseAsync(engine, $"SELECT count() FROM system.mutations WHERE (database = '{database}'{shards}) AND is_done = 0")) == "0",
            TimeSpan.FromMinutes(2), () => $"{pending} ClickHouse mutations still unfinished after two minutes.");
    }
}

/// <summary>The same imports, deletions and kills with the events sharded over two shards.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class ClickHouseEventStoreOnTwoShardsTests : ClickHouseEventStoreTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine();
}

/// <summary>
/// The same tests with every import moved into the events table in slices of two events, so each of their files spans
/// several slices: repeats within a file and of stored events, deletions and kills come out as in one statement.
/// </summary>
public sealed class ClickHouseEventStoreInSlicesTests : ClickHouseEventStoreTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine() with { ClickHouseImportSlice = 2 };
}

/// <summary>The sliced imports on two shards: the shard keys a slice's groups take are those of one statement.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class ClickHouseEventStoreInSlicesOnTwoShardsTests : ClickHouseEventStoreTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseTwoShardsEngine() with { ClickHouseImportSlice = 2 };
}
