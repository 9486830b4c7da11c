using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Tests.Core.Analytics.Sessions;

/// <summary>
/// The session tables the dashboard keeps in memory: brought up to date after an import by reading only the sessions it
/// wrote, equal to a fresh load, and held within a byte budget, least recently used out.
/// </summary>
public sealed class SessionTableCacheTests
{
    private static readonly DateTime Start = new(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task After_an_import_the_held_table_reads_only_the_sessions_it_wrote_and_equals_a_fresh_load()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("shop");
        // The store tracks the cart from the first import on (a new tracked stage would roll every session up again).
        await ImportAsync(db, store.Id, "first.csv", Sessions(0, 200) + Carts(199, 1));
        var cache = new SessionTableCache(db.Database);
        var before = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;

        // 10 of the 200 sessions go on to the cart; 50 new sessions, all "mobile", which outnumber "Mobile" from then on.
        await ImportAsync(db, store.Id, "second.csv", Carts(0, 10) + Sessions(1000, 50, device: "mobile"));
        var after = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;

        Assert.Equal((200, 250), (before.Count, after.Count));
        Assert.Equal(60, after.RowsRead);
        AssertSame(await db.Database.Events.LoadSessionsAsync(store.Id, CancellationToken.None), after);
        Assert.Equal("mobile", Value(after.Dimensions[(int)FunnelDimension.Device], "MOBILE"));
        Assert.Equal("Mobile", Value(before.Dimensions[(int)FunnelDimension.Device], "MOBILE"));
    }

    [Fact]
    public async Task After_an_import_is_deleted_the_held_table_drops_its_sessions_and_equals_a_fresh_load()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("shop");
        await ImportAsync(db, store.Id, "first.csv", Sessions(0, 120));
        var second = await ImportAsync(db, store.Id, "second.csv", Carts(0, 10) + Sessions(1000, 30, device: "tablet"));
        var cache = new SessionTableCache(db.Database);
        Assert.Equal(150, (await cache.GetAsync(store.Id, CancellationToken.None)).Table.Count);

        await new ImportDeletion(db.Database).DeleteAsync(store.Id, second.ImportId);
        var after = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;

        Assert.Equal(120, after.Count);
        AssertSame(await db.Database.Events.LoadSessionsAsync(store.Id, CancellationToken.None), after);
        Assert.DoesNotContain("tablet", after.Dimensions[(int)FunnelDimension.Device].Values);
    }

    [Fact]
    public async Task Reports_after_imports_through_the_held_table_equal_those_of_a_dashboard_started_afresh()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("shop");
        var analytics = new FunnelAnalytics(db.Database);
        var query = new FunnelQuery(store.Id) { Breakdown = FunnelDimension.Device };
        await ImportAsync(db, store.Id, "first.csv", Sessions(0, 90));
        var first = await analytics.FunnelAsync(query);

        await ImportAsync(db, store.Id, "second.csv", Carts(20, 40) + Sessions(500, 25, device: "MOBILE"));
        var held = await analytics.FunnelAsync(query);
        var afresh = await new FunnelAnalytics(db.Database).FunnelAsync(query);

        Assert.Equal(90, first.Total.Landed);
        Assert.Equal(115, held.Total.Landed);
        Assert.Equal(40, held.Total[FunnelStage.Cart].Reached);
        Assert.Equal(Reached(afresh.Total), Reached(held.Total));
        Assert.Equal(afresh.Breakdown.Select(g => (g.Label, Reached(g))), held.Breakdown.Select(g => (g.Label, Reached(g))));
    }

    private static string Reached(FunnelInsight.Core.Analytics.Funnel.FunnelSegment segment) => string.Join(",", segment.Stages.Select(s => s.Reached));

    [Fact]
    public async Task A_budget_too_small_for_a_store_keeps_nothing_yet_every_query_answers()
    {
        await using var db = await TempDatabase.CreateAsync(new EventEngineOptions { SessionCacheMegabytes = 0 });
        var store = await db.Stores.GetOrCreateAsync("shop");
        await ImportAsync(db, store.Id, "first.csv", Sessions(0, 40));
        var cache = new SessionTableCache(db.Database);

        var table = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;

        Assert.Equal(40, table.Count);
        Assert.False(cache.Holds(store.Id));
    }

    [Fact]
    public async Task Past_the_budget_the_least_recently_used_store_goes_first()
    {
        // 7,500 sessions take about 570 KB: one store fits a 1 MB budget, two do not.
        await using var db = await TempDatabase.CreateAsync(new EventEngineOptions { SessionCacheMegabytes = 1 });
        var (a, b) = (await db.Stores.GetOrCreateAsync("a"), await db.Stores.GetOrCreateAsync("b"));
        await ImportAsync(db, a.Id, "a.csv", Sessions(0, 7500));
        await ImportAsync(db, b.Id, "b.csv", Sessions(0, 7500));
        var cache = new SessionTableCache(db.Database);

        var tableA = (await cache.GetAsync(a.Id, CancellationToken.None)).Table;
        var heldA = cache.Holds(a.Id);
        await cache.GetAsync(b.Id, CancellationToken.None);

        Assert.InRange(tableA.EstimatedBytes, 512 * 1024, 1024 * 1024);
        Assert.True(heldA);
        Assert.False(cache.Holds(a.Id));
        Assert.True(cache.Holds(b.Id));
    }

    [Fact]
    public async Task A_table_read_while_a_write_is_unconfirmed_is_used_once_and_then_read_again()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("shop");
        await ImportAsync(db, store.Id, "first.csv", Sessions(0, 30));
        var cache = new SessionTableCache(db.Database);
        DuckDb(db, $"INSERT INTO pending_writes VALUES ('rebuild', {store.Id}, NULL)");

        var unsettled = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;
        DuckDb(db, "DELETE FROM pending_writes");
        var settled = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;
        var again = (await cache.GetAsync(store.Id, CancellationToken.None)).Table;

        Assert.True(unsettled.Unsettled);
        Assert.NotSame(unsettled, settled);
        Assert.False(settled.Unsettled);
        Assert.Equal(0, settled.RowsRead);
        Assert.Same(settled, again);
    }

    private static void DuckDb(TempDatabase db, string sql)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=" + db.Database.EventsPath);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<ImportResult> ImportAsync(TempDatabase db, int storeId, string name, string rows)
    {
        var path = db.WriteFile(name, AnalyticsStore.EventHeader + "\n" + rows);
        var result = await new ImportService(db.Database).ImportAsync(new ImportRequest(storeId, ImportKind.Events, path));
        Assert.Equal((ImportStatus.Succeeded, 0L), (result.Status, result.RowsRejected));
        return result;
    }

    // Sessions s{first}… with a landing and a product view a minute apart; devices "Mobile" 5 in 9, "mobile" 3 in 9,
    // "Desktop" 1 in 9 unless one device is given.
    private static string Sessions(int first, int count, string? device = null)
    {
        var rows = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            var at = Start.AddMinutes(i * 7);
            var shown = device ?? (i % 9) switch { < 5 => "Mobile", < 8 => "mobile", _ => "Desktop" };
            rows.Append(Row(at, "session_start", i, shown)).Append(Row(at.AddMinutes(1), "view_item", i, shown));
        }

        return rows.ToString();
    }

    // Sessions s{first}… go on to the cart two minutes after they started.
    private static string Carts(int first, int count)
    {
        var rows = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            rows.Append(Row(Start.AddMinutes((i * 7) + 2), "add_to_cart", i, "Mobile"));
        }

        return rows.ToString();
    }

    private static string Row(DateTime at, string type, int session, string device) => string.Create(CultureInfo.InvariantCulture,
        $"{at:yyyy-MM-ddTHH:mm:ssZ},{type},s{session},u{session},p{session % 7},19.5,1,,{device},email,SA,\n");

    private static string? Value(DimensionColumn column, string value) =>
        column.Values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));

    private static void AssertSame(SessionTable expected, SessionTable actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.RowId, actual.RowId);
        Assert.Equal(expected.StartUs, actual.StartUs);
        Assert.Equal(expected.Depth, actual.Depth);
        Assert.Equal(expected.OpenMask, actual.OpenMask);
        Assert.Equal(expected.StepMask, actual.StepMask);
        Assert.Equal(expected.LastStep, actual.LastStep);
        Assert.Equal(expected.SignalMask, actual.SignalMask);
        Assert.Equal(expected.ExitSignal, actual.ExitSignal);
        Assert.Equal(expected.CartValue, actual.CartValue);
        Assert.Equal(expected.CartItems, actual.CartItems);
        Assert.Equal(expected.PurchaseValue, actual.PurchaseValue);
        Assert.Equal(expected.CheckoutUs, actual.CheckoutUs);
        Assert.Equal(expected.PurchaseUs, actual.PurchaseUs);
        Assert.Equal(expected.PageLoadMs, actual.PageLoadMs);
        Assert.Equal(expected.Tracked.Mask, actual.Tracked.Mask);
        foreach (var (e, a) in expected.Dimensions.Append(expected.LastEvent).Zip(actual.Dimensions.Append(actual.LastEvent)))
        {
            Assert.Equal(e.Codes.Select(c => e.Values[c]), a.Codes.Select(c => a.Values[c]));
        }
    }
}
