using System.Text.Json.Nodes;
using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Analytics.Overview;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// A database of the layout before the DuckDB engine (events in blocks inside SQLite), committed as a fixture, opened by
/// the DuckDB engine: its first start moves every event into the events file, then drops the block tables. See
/// <c>Fixtures/blocks-layout/README.md</c> for how the database and the answers it is compared with were made.
/// </summary>
public sealed class BlocksUpgradeTests : IDisposable
{
    // In the fixture: store 1 imported events.csv (import 1, 3,000 events) and its first 1,500 lines again (import 2,
    // 1,499 events delivered again); store 2 imported 2,000 events; both imported orders.
    private const int FirstStore = 1;
    private const int RepeatedImport = 1;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    public BlocksUpgradeTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "shop.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_committed_database_of_the_blocks_layout_moves_into_duckdb_with_the_same_events_and_reports()
    {
        File.Copy(Fixture.Path("blocks-layout/two-stores.db"), DatabasePath);
        var upgraded = new FunnelDatabase($"Data Source={DatabasePath}");

        await upgraded.MigrateAsync();

        Assert.Equal(await ExpectedEventsHashAsync(), EventsHash(await EventRecord.StoredAsync(upgraded)));
        await AssertAnswersAsync(upgraded);
        Assert.Empty(await BlockTablesAsync(upgraded));
        // The second import delivered 1,499 of the first one's 3,000 events again: deleting the first keeps those, as
        // before the upgrade (without the moved repeats, all 3,000 would go).
        Assert.Equal(1_501, (await new ImportDeletion(upgraded).DeleteAsync(FirstStore, RepeatedImport)).EventsRemoved);
        Assert.Equal(1_499, (await upgraded.Events.CountAsync(CancellationToken.None))[FirstStore].Events);
    }

    [Fact]
    public async Task A_start_killed_after_duckdb_committed_and_before_the_blocks_went_moves_them_again_without_a_duplicate()
    {
        File.Copy(Fixture.Path("blocks-layout/two-stores.db"), DatabasePath);
        var upgraded = new FunnelDatabase($"Data Source={DatabasePath}");
        await upgraded.MigrateAsync();
        // The application database as the kill left it: its blocks still there, the events file already holding their copy.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_folder, "shop.db*"))
        {
            File.Delete(file);
        }

        File.Copy(Fixture.Path("blocks-layout/two-stores.db"), DatabasePath);

        await upgraded.MigrateAsync();

        Assert.Equal(await ExpectedEventsHashAsync(), EventsHash(await EventRecord.StoredAsync(upgraded)));
        await AssertAnswersAsync(upgraded);
    }

    [Fact]
    public async Task The_block_tables_are_dropped_only_once_their_events_are_in_duckdb()
    {
        File.Copy(Fixture.Path("blocks-layout/two-stores.db"), DatabasePath);
        var upgraded = new FunnelDatabase($"Data Source={DatabasePath}");
        // A folder where the events file should be: DuckDB cannot open it, so the move fails.
        Directory.CreateDirectory(upgraded.EventsPath);

        await Assert.ThrowsAnyAsync<Exception>(() => upgraded.MigrateAsync());

        Assert.Equal(["EventBlocks", "ImportRepeats", "SessionBlocks"], await BlockTablesAsync(upgraded));
        Assert.Equal([5_000L], await TempDatabase.QueryAsync(upgraded, "SELECT SUM(EventCount) FROM EventBlocks", r => r.GetInt64(0)));
        Directory.Delete(upgraded.EventsPath);

        await upgraded.MigrateAsync();

        Assert.Equal(await ExpectedEventsHashAsync(), EventsHash(await EventRecord.StoredAsync(upgraded)));
        Assert.Empty(await BlockTablesAsync(upgraded));
    }

    [Fact]
    public async Task A_new_database_has_no_block_tables_and_a_second_start_moves_nothing()
    {
        var database = new FunnelDatabase($"Data Source={DatabasePath}");

        await database.MigrateAsync();
        await database.MigrateAsync();

        Assert.Empty(await BlockTablesAsync(database));
        Assert.Empty(await database.Events.CountAsync(CancellationToken.None));
    }

    private static Task<IReadOnlyList<string>> BlockTablesAsync(FunnelDatabase database) => TempDatabase.QueryAsync(database,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('EventBlocks', 'SessionBlocks', 'ImportRepeats', 'LegacyEvents') ORDER BY name",
        r => r.GetString(0));

    private static async Task<string> ExpectedEventsHashAsync() =>
        (await File.ReadAllTextAsync(Fixture.Path("blocks-layout/two-stores.events.sha256"))).Trim();

    // Every answer in the snapshot is found again in today's answers (see JsonSubset), in the same order.
    private static async Task AssertAnswersAsync(FunnelDatabase database)
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Fixture.Path("blocks-layout/two-stores.reports.json")))!.AsArray();
        var actual = await AnswersAsync(database);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((string?)expected[i]!["answer"], (string?)actual[i]["answer"]);
            Assert.Null(JsonSubset.FirstDifference(expected[i]!["json"], actual[i]["json"], (string)expected[i]!["answer"]!));
        }
    }

    // Every report of every store as its JSON export, and the overview, with and without a breakdown, trend and visitor
    // scope, each named by what it answers.
    internal static async Task<IReadOnlyList<JsonObject>> AnswersAsync(FunnelDatabase database)
    {
        var analytics = new FunnelAnalytics(database);
        var answers = new List<JsonObject>();
        void Add(string answer, string json) => answers.Add(new JsonObject { ["answer"] = answer, ["json"] = JsonNode.Parse(json) });
        foreach (var store in await new StoreCatalog(database).ListAsync())
        {
            Add($"store {store.Id}", JsonSerializer.Serialize(store)); // its event, order and session counts
            foreach (var (name, query) in new[]
            {
                ("stage funnel", new FunnelQuery(store.Id)),
                ("by device, weekly", new FunnelQuery(store.Id) { Breakdown = FunnelDimension.Device, Trend = TrendGranularity.Weekly }),
                ("open, visitor scope", new FunnelQuery(store.Id) { Scope = FunnelScope.Visitor, Mode = FunnelMode.Open }),
            })
            {
                var of = $"store {store.Id}, {name}";
                Add($"{of}: funnel", JsonReportWriter.ToText(FunnelReportDocument.Build(await analytics.FunnelAsync(query))));
                Add($"{of}: leaks", JsonReportWriter.ToText(LeakReportDocument.Build(await analytics.LeaksAsync(query))));
                Add($"{of}: abandonment", JsonReportWriter.ToText(AbandonmentReportDocument.Build(await analytics.AbandonmentAsync(query))));
                Add($"{of}: friction", JsonReportWriter.ToText(FrictionReportDocument.Build(await analytics.FrictionAsync(query))));
                Add($"{of}: overview", JsonSerializer.Serialize(await new OverviewReporter(analytics).ReportAsync(query)));
            }

            Add($"store {store.Id}: customers", JsonReportWriter.ToText(CustomerReportDocument.Build(await analytics.CustomersAsync(new CustomerQuery(store.Id)))));
        }

        return answers;
    }

    // The SHA-256 of the events as JSON (id, import, line and every field).
    private static string EventsHash(IReadOnlyList<(long, int, long, EventRecord)> events) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            events.Select(e => new { Id = e.Item1, ImportId = e.Item2, Line = e.Item3, Event = e.Item4 }))));
}
