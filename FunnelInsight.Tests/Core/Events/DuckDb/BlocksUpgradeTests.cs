using System.Text.Json;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Analytics.Overview;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Reports;
using FunnelInsight.Core.Samples;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Stores;
using FunnelInsight.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// A database of the layout before the DuckDB engine (events in blocks inside SQLite), made by the blocks engine that
/// still exists, opened by the DuckDB engine: its first start moves every event into the events file.
/// </summary>
public sealed class BlocksUpgradeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    public BlocksUpgradeTests() => Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "shop.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <remarks>
    /// The fixture (Fixtures/blocks-layout) was made by this class's <see cref="OldLayoutAsync"/> with the blocks engine, at
    /// the commit that added it: <c>two-stores.db</c> is the database it left, and <c>two-stores.events.sha256</c> the
    /// SHA-256 of its stored events as <see cref="EventsJson"/> writes them. The reports before the upgrade are the blocks
    /// engine's answers on a copy of it, for as long as that engine exists; once it goes, write <see cref="SnapshotAsync"/>
    /// of that copy to a file beside the fixture and compare with it instead.
    /// </remarks>
    [Fact]
    public async Task The_committed_database_of_the_blocks_layout_moves_into_duckdb_with_the_same_events_and_reports()
    {
        var blocks = Path.Combine(_folder, "blocks");
        Directory.CreateDirectory(blocks);
        File.Copy(Fixture.Path("blocks-layout/two-stores.db"), Path.Combine(blocks, "shop.db"));
        File.Copy(Fixture.Path("blocks-layout/two-stores.db"), Path.Combine(_folder, "shop.db"));
        var old = new FunnelDatabase($"Data Source={Path.Combine(blocks, "shop.db")}", new EventEngineOptions { Engine = EventEngine.Blocks });
        await old.MigrateAsync();
        var before = await SnapshotAsync(old);

        var upgraded = new FunnelDatabase(ConnectionString, new EventEngineOptions { Engine = EventEngine.DuckDb });
        await upgraded.MigrateAsync();

        var hash = (await File.ReadAllTextAsync(Fixture.Path("blocks-layout/two-stores.events.sha256"))).Trim();
        Assert.Equal(hash, EventsJson(await EventRecord.StoredAsync(old)));
        Assert.Equal(hash, EventsJson(await EventRecord.StoredAsync(upgraded)));
        Assert.Equal(before, await SnapshotAsync(upgraded));
    }

    [Fact]
    public async Task A_database_of_two_stores_in_blocks_moves_into_duckdb_with_its_event_ids_and_every_report_stays_the_same()
    {
        var old = await OldLayoutAsync();
        var before = await SnapshotAsync(old.Database);

        var upgraded = new FunnelDatabase(ConnectionString, new EventEngineOptions { Engine = EventEngine.DuckDb });
        await upgraded.MigrateAsync();

        Assert.Equal(old.Events, await EventRecord.StoredAsync(upgraded));
        Assert.Equal(before, await SnapshotAsync(upgraded));
        Assert.Equal([0L, 0L, 0L], await TempDatabase.QueryAsync(upgraded,
            "SELECT (SELECT COUNT(*) FROM EventBlocks) UNION ALL SELECT (SELECT COUNT(*) FROM SessionBlocks) UNION ALL SELECT (SELECT COUNT(*) FROM ImportRepeats)", r => r.GetInt64(0)));
        // The second import delivered 1,499 of the first one's 3,000 events again: deleting the first keeps those, as
        // before the upgrade (without the moved repeats, all 3,000 would go).
        Assert.Equal(1_501, (await new ImportDeletion(upgraded).DeleteAsync(old.FirstStore, old.RepeatedImport)).EventsRemoved);
        Assert.Equal(1_499, await StoreEventsAsync(upgraded, old.FirstStore));
    }

    [Fact]
    public async Task A_start_killed_after_duckdb_committed_and_before_the_blocks_went_moves_them_again_without_a_duplicate()
    {
        var old = await OldLayoutAsync();
        var before = await SnapshotAsync(old.Database);
        var saved = Path.Combine(_folder, "saved");
        Copy(_folder, saved);
        var upgraded = new FunnelDatabase(ConnectionString, new EventEngineOptions { Engine = EventEngine.DuckDb });
        await upgraded.MigrateAsync();
        // The application database as the kill left it: its blocks still there, the events file already holding their copy.
        SqliteConnection.ClearAllPools();
        Copy(saved, _folder);

        await upgraded.MigrateAsync();

        Assert.Equal(old.Events, await EventRecord.StoredAsync(upgraded));
        Assert.Equal(before, await SnapshotAsync(upgraded));
    }

    // Two stores imported by the blocks engine: the first from a generated export and, again, its first half (stored
    // events delivered again, recorded as the second import's repeats), the second from another; orders in both.
    private async Task<(FunnelDatabase Database, int FirstStore, int RepeatedImport, IReadOnlyList<(long, int, long, EventRecord)> Events)> OldLayoutAsync()
    {
        var database = new FunnelDatabase(ConnectionString, new EventEngineOptions { Engine = EventEngine.Blocks });
        await database.MigrateAsync();
        var catalog = new StoreCatalog(database);
        var imports = new ImportService(database);
        var first = (await catalog.GetOrCreateAsync("First")).Id;
        var second = (await catalog.GetOrCreateAsync("Second")).Id;
        var files = StoreGenerator.WriteFiles(Path.Combine(_folder, "a"), new StoreGeneratorOptions(3_000, 300, Seed: 7));
        var other = StoreGenerator.WriteFiles(Path.Combine(_folder, "b"), new StoreGeneratorOptions(2_000, 200, Seed: 11));
        var events = files.Single(f => f.EndsWith("events.csv", StringComparison.Ordinal));
        var half = Path.Combine(_folder, "half.csv");
        await File.WriteAllLinesAsync(half, (await File.ReadAllLinesAsync(events)).Take(1_500));
        var repeated = (await imports.ImportAsync(new ImportRequest(first, ImportKind.Events, events))).ImportId;
        Assert.Equal(ImportStatus.Succeeded, (await imports.ImportAsync(new ImportRequest(first, ImportKind.Events, half))).Status);
        await imports.ImportAsync(new ImportRequest(first, ImportKind.Orders, files.Single(f => f.EndsWith("orders.csv", StringComparison.Ordinal))));
        await imports.ImportAsync(new ImportRequest(second, ImportKind.Events, other.Single(f => f.EndsWith("events.csv", StringComparison.Ordinal))));
        await imports.ImportAsync(new ImportRequest(second, ImportKind.Orders, other.Single(f => f.EndsWith("orders.csv", StringComparison.Ordinal))));
        var stored = await EventRecord.StoredAsync(database);
        Assert.Equal(3_000 + 2_000, stored.Count);
        SqliteConnection.ClearAllPools();
        return (database, first, repeated, stored);
    }

    // Every report of every store as its JSON export, and the overview, with and without a breakdown, trend and visitor scope.
    private static async Task<IReadOnlyList<string>> SnapshotAsync(FunnelDatabase database)
    {
        var analytics = new SqliteFunnelAnalytics(database);
        var texts = new List<string>();
        foreach (var store in await new StoreCatalog(database).ListAsync())
        {
            texts.Add(store.ToString()); // its event, order and session counts
            foreach (var query in new[]
            {
                new FunnelQuery(store.Id),
                new FunnelQuery(store.Id) { Breakdown = FunnelDimension.Device, Trend = TrendGranularity.Weekly },
                new FunnelQuery(store.Id) { Scope = FunnelScope.Visitor, Mode = FunnelMode.Open },
            })
            {
                texts.Add(JsonReportWriter.ToText(FunnelReportDocument.Build(await analytics.FunnelAsync(query))));
                texts.Add(JsonReportWriter.ToText(LeakReportDocument.Build(await analytics.LeaksAsync(query))));
                texts.Add(JsonReportWriter.ToText(AbandonmentReportDocument.Build(await analytics.AbandonmentAsync(query))));
                texts.Add(JsonReportWriter.ToText(FrictionReportDocument.Build(await analytics.FrictionAsync(query))));
                texts.Add(JsonSerializer.Serialize(await new OverviewReporter(analytics).ReportAsync(query)));
            }

            texts.Add(JsonReportWriter.ToText(CustomerReportDocument.Build(await analytics.CustomersAsync(new CustomerQuery(store.Id)))));
        }

        return texts;
    }

    // The SHA-256 of the events as JSON (id, import, line and every field).
    private static string EventsJson(IReadOnlyList<(long, int, long, EventRecord)> events) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            events.Select(e => new { Id = e.Item1, ImportId = e.Item2, Line = e.Item3, Event = e.Item4 }))));

    private static async Task<long> StoreEventsAsync(FunnelDatabase database, int storeId) =>
        (await database.Events.CountAsync(CancellationToken.None))[storeId].Events;

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var stale in Directory.GetFiles(to, "shop.db*"))
        {
            File.Delete(stale);
        }

        foreach (var file in Directory.GetFiles(from, "shop.db*"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
