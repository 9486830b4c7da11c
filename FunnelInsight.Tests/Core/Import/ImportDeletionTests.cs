namespace FunnelInsight.Tests.Core.Import;

public abstract class ImportDeletionTests : DatabaseProviderTests
{
    private const string Header = "event_time,event_type,session_id\n";

    // January: s1 reaches the cart, s2 a product page.
    private const string January = Header + """
        2024-01-10T10:00:00Z,session_start,s1
        2024-01-10T10:01:00Z,view_item,s1
        2024-01-10T10:02:00Z,add_to_cart,s1
        2024-01-10T11:00:00Z,session_start,s2
        2024-01-10T11:01:00Z,view_item,s2
        """;

    // An overlapping export: s1's first three events again, then its checkout and purchase; s3 only lands.
    private const string Overlapping = Header + """
        2024-01-10T10:00:00Z,session_start,s1
        2024-01-10T10:01:00Z,view_item,s1
        2024-01-10T10:02:00Z,add_to_cart,s1
        2024-01-10T10:03:00Z,begin_checkout,s1
        2024-01-10T10:04:00Z,purchase,s1
        2024-01-10T12:00:00Z,session_start,s3
        """;

    private const string Orders = "order_id,created_at,total\n1001,2024-01-10T10:04:00Z,25.00\nbad,not-a-time,1\n";

    [ProviderFact]
    public async Task Deleting_the_first_of_two_overlapping_imports_leaves_the_figures_of_importing_only_the_second()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Both");
        var (january, overlapping) = (await ImportAsync(db, store.Id, January), await ImportAsync(db, store.Id, Overlapping));
        Assert.Equal((5L, 3L, 3L), (january.RowsStored, overlapping.RowsStored, overlapping.RowsDuplicate));
        var analytics = new FunnelAnalytics(db.Database);
        // Both: s1 buys, s2 views a product, s3 lands.
        Assert.Equal([3, 2, 1, 1, 1], await ReachedAsync(analytics, store.Id));

        var deleted = await new ImportDeletion(db.Database).DeleteAsync(store.Id, january.ImportId);

        // s2 goes with January; s1's first three events stay, since the overlapping export delivered them too:
        // s1 lands, views, carts, checks out and buys; s3 lands.
        Assert.Equal((DeletionOutcome.Deleted, 2L), (deleted.Outcome, deleted.EventsRemoved));
        Assert.Equal([2, 1, 1, 1, 1], await ReachedAsync(analytics, store.Id));
        var alone = await db.Stores.GetOrCreateAsync("Only the second");
        await ImportAsync(db, alone.Id, Overlapping);
        Assert.Equal(await ReachedAsync(analytics, alone.Id), await ReachedAsync(analytics, store.Id));
        var (both, only) = (Overview(await db.Stores.ListAsync(), store.Id), Overview(await db.Stores.ListAsync(), alone.Id));
        Assert.Equal((6L, 2L), (both.Events, both.Sessions));
        Assert.Equal((only.Events, only.Sessions), (both.Events, both.Sessions));
    }

    [ProviderFact]
    public async Task Deleting_the_second_of_two_overlapping_imports_leaves_the_first_and_its_untracked_stages_untracked_again()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Both");
        await ImportAsync(db, store.Id, January);
        var overlapping = await ImportAsync(db, store.Id, Overlapping);
        var analytics = new FunnelAnalytics(db.Database);
        Assert.Equal([3, 2, 1, 1, 1], await ReachedAsync(analytics, store.Id));

        var deleted = await new ImportDeletion(db.Database).DeleteAsync(store.Id, overlapping.ImportId);

        // January alone: s1 lands, views and carts; s2 lands and views; nothing checks out, so checkout and purchase
        // are not tracked (null), as in a store that only ever imported January.
        Assert.Equal((DeletionOutcome.Deleted, 3L), (deleted.Outcome, deleted.EventsRemoved));
        Assert.Equal([2, 2, 1, null, null], await ReachedAsync(analytics, store.Id));
        Assert.Equal((5L, 2L), (Overview(await db.Stores.ListAsync(), store.Id).Events, Overview(await db.Stores.ListAsync(), store.Id).Sessions));
    }

    [ProviderFact]
    public async Task Events_three_imports_delivered_stay_until_the_last_of_them_is_deleted()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Three");
        var imports = new[] { await ImportAsync(db, store.Id, January), await ImportAsync(db, store.Id, January), await ImportAsync(db, store.Id, January) };
        var deletion = new ImportDeletion(db.Database);
        var analytics = new FunnelAnalytics(db.Database);

        Assert.Equal(0, (await deletion.DeleteAsync(store.Id, imports[0].ImportId)).EventsRemoved);
        Assert.Equal(0, (await deletion.DeleteAsync(store.Id, imports[1].ImportId)).EventsRemoved);
        Assert.Equal([2, 2, 1, null, null], await ReachedAsync(analytics, store.Id));
        Assert.Equal(5, (await deletion.DeleteAsync(store.Id, imports[2].ImportId)).EventsRemoved);

        Assert.Equal(0, await db.EventCountAsync());
        Assert.Equal(0, await db.SessionCountAsync());
        Assert.Equal(0, db.EventsFileCount("SELECT COUNT(*) FROM import_repeats"));
    }

    [ProviderFact]
    public async Task Deleting_an_order_import_takes_its_orders_row_errors_and_record_and_leaves_the_events()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Orders");
        await ImportAsync(db, store.Id, January);
        var orders = await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Orders, db.WriteFile("orders.csv", Orders)));
        Assert.Equal((1L, 1L), (orders.RowsStored, orders.RowsRejected));

        var deleted = await new ImportDeletion(db.Database).DeleteAsync(store.Id, orders.ImportId);

        Assert.Equal((DeletionOutcome.Deleted, 0L, 1), (deleted.Outcome, deleted.EventsRemoved, deleted.OrdersRemoved));
        Assert.Equal(0, await db.CountAsync($"SELECT COUNT(*) FROM Orders WHERE StoreId = {store.Id}"));
        Assert.Equal(0, await db.CountAsync($"SELECT COUNT(*) FROM ImportRowErrors WHERE ImportId = {orders.ImportId}"));
        Assert.Equal(1, await db.CountAsync($"SELECT COUNT(*) FROM Imports WHERE StoreId = {store.Id}"));
        Assert.Equal(5, Overview(await db.Stores.ListAsync(), store.Id).Events);
    }

    [ProviderFact]
    public async Task An_import_of_another_store_or_none_is_not_found_and_nothing_is_deleted()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var (mine, theirs) = (await db.Stores.GetOrCreateAsync("Mine"), await db.Stores.GetOrCreateAsync("Theirs"));
        var their = await ImportAsync(db, theirs.Id, January);
        var deletion = new ImportDeletion(db.Database);

        Assert.Equal(DeletionOutcome.NotFound, (await deletion.DeleteAsync(mine.Id, their.ImportId)).Outcome);
        Assert.Equal(DeletionOutcome.NotFound, (await deletion.DeleteAsync(theirs.Id, 999)).Outcome);
        Assert.Equal(5, Overview(await db.Stores.ListAsync(), theirs.Id).Events);
    }

    [ProviderFact]
    public async Task A_running_import_is_not_deleted()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Running");
        var import = await ImportAsync(db, store.Id, January);
        await db.ExecuteAsync($"UPDATE Imports SET Status = {(int)ImportStatus.Running} WHERE Id = {import.ImportId}");

        var deleted = await new ImportDeletion(db.Database).DeleteAsync(store.Id, import.ImportId);

        Assert.Equal(DeletionOutcome.ImportRunning, deleted.Outcome);
        Assert.Equal(5, Overview(await db.Stores.ListAsync(), store.Id).Events);
    }

    private static Task<ImportResult> ImportAsync(TempDatabase db, int storeId, string text) =>
        new ImportService(db.Database).ImportAsync(new ImportRequest(storeId, ImportKind.Events, db.WriteFile($"events-{Guid.NewGuid():N}.csv", text)));

    private static async Task<long?[]> ReachedAsync(FunnelAnalytics analytics, int storeId) =>
        [.. (await analytics.FunnelAsync(new FunnelQuery(storeId))).Total.Stages.Select(s => s.Reached)];

    private static StoreOverview Overview(IReadOnlyList<StoreOverview> stores, int storeId) => stores.Single(s => s.Id == storeId);
}

/// <summary>The tests of <see cref="ImportDeletionTests"/> on SQLite.</summary>
public sealed class ImportDeletionTestsOnSqlite : ImportDeletionTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="ImportDeletionTests"/> on PostgreSQL.</summary>
public sealed class ImportDeletionTestsOnPostgres : ImportDeletionTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
