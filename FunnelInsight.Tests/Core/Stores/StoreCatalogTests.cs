namespace FunnelInsight.Tests.Core.Stores;

public sealed class StoreCatalogTests
{
    private const string Events = """
        event_time,event_type,session_id
        2024-03-01T10:00:00Z,session_start,s1
        2024-03-01T10:01:00Z,view_item,s1
        not-a-time,add_to_cart,s1
        2024-03-01T11:00:00Z,session_start,s2
        """;

    private const string Orders = """
        order_id,created_at,total
        1001,2024-03-01T10:05:00Z,25.00
        1002,2024-03-02T09:00:00Z,40.00
        """;

    [Fact]
    public async Task Deleting_a_store_removes_all_its_rows_members_tokens_and_files_and_leaves_other_stores_alone()
    {
        await using var db = await TempDatabase.CreateAsync();
        var doomed = await FilledStoreAsync(db, "Doomed");
        var kept = await FilledStoreAsync(db, "Kept");
        var tokens = new ApiTokens(db.Database);
        var storeToken = await tokens.CreateAsync("user-1", "doomed only", doomed.Id);
        var personalToken = await tokens.CreateAsync("user-1", "all stores");
        var file = Path.Combine(db.Database.StoreFilesFolder(doomed.Id), "upload.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Events);

        var analytics = new FunnelInsight.Core.Analytics.FunnelAnalytics(db.Database);
        await analytics.WarmAsync(doomed.Id);
        Assert.True(analytics.Holds(doomed.Id));

        Assert.Equal(DeletionOutcome.Deleted, await db.Stores.DeleteAsync(doomed.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => analytics.WarmAsync(doomed.Id));
        Assert.False(analytics.Holds(doomed.Id));

        foreach (var table in new[] { "Orders", "Imports", "StoreMembers", "ApiTokens" })
        {
            Assert.Equal(0, await db.CountAsync($"SELECT COUNT(*) FROM {table} WHERE StoreId = {doomed.Id}"));
        }

        Assert.Equal(0, await db.EventCountAsync(doomed.Id));
        Assert.Equal(3, await db.EventCountAsync(kept.Id));
        Assert.Equal([kept.Id, kept.Id], (await db.SessionsAsync()).Select(s => (int)(s.Id >> 40)));

        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM ImportRowErrors e WHERE NOT EXISTS (SELECT 1 FROM Imports i WHERE i.Id = e.ImportId)"));
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM ImportRowErrors"));
        Assert.False(Directory.Exists(db.Database.StoreFilesFolder(doomed.Id)));
        Assert.Null(await tokens.AuthenticateAsync(storeToken.Secret));
        Assert.NotNull(await tokens.AuthenticateAsync(personalToken.Secret));
        var remaining = Assert.Single(await db.Stores.ListAsync());
        Assert.Equal((kept.Id, 3L, 2L, 2L), (remaining.Id, remaining.Events, remaining.Orders, remaining.Sessions));
        Assert.Single(await new StoreMemberships(db.Database).MembersOfAsync(kept.Id));
    }

    [Fact]
    public async Task Deleting_a_store_that_does_not_exist_reports_not_found()
    {
        await using var db = await TempDatabase.CreateAsync();

        Assert.Equal(DeletionOutcome.NotFound, await db.Stores.DeleteAsync(7));
    }

    [Fact]
    public async Task A_store_with_an_import_still_running_is_not_deleted()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await FilledStoreAsync(db, "Busy");
        await db.ExecuteAsync($"UPDATE Imports SET Status = {(int)ImportStatus.Running} WHERE StoreId = {store.Id}");

        Assert.Equal(DeletionOutcome.ImportRunning, await db.Stores.DeleteAsync(store.Id));
        Assert.Equal(3, Assert.Single(await db.Stores.ListAsync()).Events);
    }

    [Fact]
    public async Task Deleting_a_store_waits_for_an_import_holding_the_write_turn_and_then_deletes_what_it_stored()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await FilledStoreAsync(db, "Waited");
        await using var holder = await db.OpenSqliteAsync();
        var held = holder.BeginTransaction(deferred: false);
        using var told = new SemaphoreSlim(0);

        var deleting = db.Stores.DeleteAsync(store.Id, waiting: () => told.Release());
        Assert.True(await told.WaitAsync(TimeSpan.FromSeconds(30)), "the deletion said it was waiting");
        Assert.False(deleting.IsCompleted);
        held.Rollback();

        Assert.Equal(DeletionOutcome.Deleted, await deleting);
        Assert.Empty(await db.Stores.ListAsync());
    }

    private static async Task<NamedStore> FilledStoreAsync(TempDatabase db, string name)
    {
        var store = await db.Stores.GetOrCreateAsync(name);
        var imports = new ImportService(db.Database);
        var events = await imports.ImportAsync(new ImportRequest(store.Id, ImportKind.Events, db.WriteFile(name + "-events.csv", Events)));
        var orders = await imports.ImportAsync(new ImportRequest(store.Id, ImportKind.Orders, db.WriteFile(name + "-orders.csv", Orders)));
        Assert.Equal((3L, 1L, 2L), (events.RowsStored, events.RowsRejected, orders.RowsStored));
        await new StoreMemberships(db.Database).SetAsync(store.Id, "user-1", StoreRole.Owner);
        return store;
    }
}
