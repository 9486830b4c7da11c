using DuckDB.NET.Data;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// The state a kill leaves between the two commits of a write (DuckDB committed with its marker, SQLite not), made
/// by hand, and what the next start makes of it.
/// </summary>
public abstract class DuckDbReconcilerTests : DatabaseProviderTests
{
    private const string Events = "event_time,event_type,session_id,user_id\n" +
        "2025-03-01T10:00:00Z,session_start,s1,v1\n" +
        "2025-03-01T10:01:00Z,view_item,s1,v1\n";

    [ProviderFact]
    public async Task Events_of_an_import_whose_record_never_committed_are_taken_out_at_the_next_start()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var first = await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", Events));
        var sessionsBefore = await db.SessionsAsync();
        var second = await db.ImportAsync(ImportKind.Events, db.WriteFile("second.csv", "event_time,event_type,session_id,user_id\n" +
            "2025-03-01T10:02:00Z,add_to_cart,s1,v1\n" +
            "2025-03-01T11:00:00Z,session_start,s2,v2\n"));
        Assert.Equal(4, await db.EventCountAsync());
        // As a kill after DuckDB's commit and before SQLite's leaves it: the marker stays, the record never succeeded.
        await ExecuteDuckDbAsync(db, $"INSERT INTO pending_writes VALUES ('import', {(await db.Stores.FindAsync("Test"))!.Id}, {second.ImportId})");
        await db.CountAsync($"UPDATE Imports SET Status = {(int)ImportStatus.Interrupted} WHERE Id = {second.ImportId}");

        await db.Database.MigrateAsync();

        Assert.Equal(2, await db.EventCountAsync());
        Assert.Equal(0, await db.ImportEventCountAsync(second.ImportId));
        Assert.Equal(2, await db.ImportEventCountAsync(first.ImportId));
        Assert.Equal(sessionsBefore.Select(s => (s with { Id = 0 }).Comparable), (await db.SessionsAsync()).Select(s => (s with { Id = 0 }).Comparable));
        Assert.Equal(0, await CountDuckDbAsync(db, "SELECT count(*) FROM pending_writes"));
    }

    [ProviderFact]
    public async Task A_marker_of_an_import_whose_record_succeeded_is_cleared_and_its_events_kept()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var import = await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", Events));
        await ExecuteDuckDbAsync(db, $"INSERT INTO pending_writes VALUES ('import', {(await db.Stores.FindAsync("Test"))!.Id}, {import.ImportId})");

        await db.Database.MigrateAsync();

        Assert.Equal(2, await db.ImportEventCountAsync(import.ImportId));
        Assert.Single(await db.SessionsAsync());
        Assert.Equal(0, await CountDuckDbAsync(db, "SELECT count(*) FROM pending_writes"));
    }

    [ProviderFact]
    public async Task A_settings_rebuild_whose_settings_never_committed_is_done_again_with_the_stores_settings_at_the_next_start()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var storeId = await SettingsRebuildFixture.RolledUpAtSixtyMinutesWithThirtyStoredAsync(db);
        await ExecuteDuckDbAsync(db, $"INSERT INTO pending_writes VALUES ('rebuild', {storeId}, NULL)");

        await db.Database.MigrateAsync();

        Assert.Equal(2, (await db.SessionsAsync()).Count);
        Assert.Equal(0, await CountDuckDbAsync(db, "SELECT count(*) FROM pending_writes"));
    }

    [ProviderFact]
    public async Task An_import_deletion_that_committed_in_sqlite_is_finished_at_the_next_start()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var first = await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", Events));
        var second = await db.ImportAsync(ImportKind.Events, db.WriteFile("second.csv", "event_time,event_type,session_id,user_id\n" +
            "2025-03-01T11:00:00Z,session_start,s2,v2\n"));
        var storeId = (await db.Stores.FindAsync("Test"))!.Id;
        Assert.Equal(2, (await db.SessionsAsync()).Count);
        // As a kill after SQLite committed the deletion of the first import and before DuckDB took its events out.
        await ExecuteDuckDbAsync(db, $"INSERT INTO pending_writes VALUES ('delete', {storeId}, {first.ImportId})");
        await db.CountAsync($"DELETE FROM Imports WHERE Id = {first.ImportId}");

        await db.Database.MigrateAsync();

        Assert.Equal(0, await db.ImportEventCountAsync(first.ImportId));
        Assert.Equal(1, await db.ImportEventCountAsync(second.ImportId));
        Assert.Equal(1, await db.EventCountAsync());
        Assert.Single(await db.SessionsAsync());
        Assert.Equal(0, await CountDuckDbAsync(db, "SELECT count(*) FROM pending_writes"));
    }

    [ProviderFact]
    public async Task A_deletion_marker_whose_import_still_exists_is_dropped_and_its_events_kept()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var import = await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", Events));
        // As a kill after the marker and before SQLite committed the deletion: the import was never deleted.
        await ExecuteDuckDbAsync(db, $"INSERT INTO pending_writes VALUES ('delete', {(await db.Stores.FindAsync("Test"))!.Id}, {import.ImportId})");

        await db.Database.MigrateAsync();

        Assert.Equal(2, await db.ImportEventCountAsync(import.ImportId));
        Assert.Single(await db.SessionsAsync());
        Assert.Equal(0, await CountDuckDbAsync(db, "SELECT count(*) FROM pending_writes"));
    }

    [ProviderFact]
    public async Task Rows_of_a_store_whose_deletion_committed_only_in_sqlite_are_deleted_at_the_next_start()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Events, db.WriteFile("doomed.csv", Events), store: "Doomed");
        await db.ImportAsync(ImportKind.Events, db.WriteFile("kept.csv", Events), store: "Kept");
        var doomed = (await db.Stores.FindAsync("Doomed"))!.Id;
        // The store's SQLite rows are gone; DuckDB's deletion never ran.
        await db.CountAsync($"DELETE FROM Imports WHERE StoreId = {doomed}; DELETE FROM Stores WHERE Id = {doomed}");

        await db.Database.MigrateAsync();

        Assert.Equal(0, await CountDuckDbAsync(db, $"SELECT count(*) FROM events WHERE store_id = {doomed}"));
        Assert.Equal(0, await CountDuckDbAsync(db, $"SELECT count(*) FROM sessions WHERE store_id = {doomed}"));
        Assert.Equal(2, await db.EventCountAsync());
    }

    private static async Task ExecuteDuckDbAsync(TempDatabase db, string sql) => await CountDuckDbAsync(db, sql);

    private static Task<long> CountDuckDbAsync(TempDatabase db, string sql)
    {
        using var connection = new DuckDBConnection("Data Source=" + db.Database.EventsPath);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Task.FromResult(Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The tests of <see cref="DuckDbReconcilerTests"/> on SQLite.</summary>
public sealed class DuckDbReconcilerTestsOnSqlite : DuckDbReconcilerTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="DuckDbReconcilerTests"/> on PostgreSQL.</summary>
public sealed class DuckDbReconcilerTestsOnPostgres : DuckDbReconcilerTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
