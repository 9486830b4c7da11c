using static FunnelInsight.Tests.Support.Fixture;

namespace FunnelInsight.Tests.Core.Import;

public abstract class ImportServiceTests : DatabaseProviderTests
{
    // Events, orders and sessions stored, as one number.
    private static async Task<long> StoreCountsAsync(TempDatabase db) =>
        (await db.EventCountAsync() * 1000000) + (await db.CountAsync("SELECT COUNT(*) FROM Orders") * 1000) + (await db.SessionsAsync()).Count;

    [ProviderFact]
    public async Task Importing_the_same_event_file_again_adds_nothing_and_counts_every_row_as_duplicate()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));

        var again = await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));

        Assert.Equal((18L, 0L, 18L), (again.RowsRead, again.RowsStored, again.RowsDuplicate));
        Assert.Equal(18, await db.EventCountAsync());
        Assert.Equal(3, (await db.SessionsAsync()).Count);
    }

    [ProviderFact]
    public async Task An_overlapping_event_export_stores_only_the_rows_not_seen_before()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var lines = File.ReadAllLines(Path("canonical-events.csv"));
        var first = db.WriteFile("first.csv", string.Join('\n', lines[..11]));
        var second = db.WriteFile("second.csv", string.Join('\n', [lines[0], .. lines[6..]]));

        await db.ImportAsync(ImportKind.Events, first);
        var overlap = await db.ImportAsync(ImportKind.Events, second);

        // first.csv has rows 1–10, second.csv rows 6–18: rows 6–10 are already stored.
        Assert.Equal((13L, 8L, 5L), (overlap.RowsRead, overlap.RowsStored, overlap.RowsDuplicate));
        Assert.Equal(18, await db.EventCountAsync());
        Assert.Equal(3, (await db.SessionsAsync()).Count);
        Assert.Equal(7, (await db.SessionsAsync()).Single(s => s.Session == "S1").Events);
    }

    [ProviderFact]
    public async Task Importing_orders_again_or_an_overlapping_order_export_adds_only_new_orders()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Orders, Path("shopify-orders.csv"));
        var lines = File.ReadAllLines(Path("canonical-orders.csv"));
        await db.ImportAsync(ImportKind.Orders, Path("canonical-orders.csv"), store: "Canonical");
        var overlapping = db.WriteFile("later.csv", string.Join('\n', [lines[0], lines[4], lines[5], "1006,C9,,2025-03-09T10:00:00Z,10,0,0,0,10,SAR,paid,web"]));

        var again = await db.ImportAsync(ImportKind.Orders, Path("shopify-orders.csv"));
        var overlap = await db.ImportAsync(ImportKind.Orders, overlapping, store: "Canonical");

        Assert.Equal((5L, 0L, 5L), (again.RowsRead, again.RowsStored, again.RowsDuplicate));
        Assert.Equal((3L, 1L, 2L), (overlap.RowsRead, overlap.RowsStored, overlap.RowsDuplicate));
        Assert.Equal(3 + 6, await db.CountAsync("SELECT COUNT(*) FROM Orders"));
    }

    [ProviderFact]
    public async Task The_same_events_in_two_stores_are_two_sets_of_events()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"), store: "One");
        var second = await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"), store: "Two");

        Assert.Equal((18L, 0L), (second.RowsStored, second.RowsDuplicate));
        Assert.Equal(36, await db.EventCountAsync());
    }

    [ProviderTheory]
    [InlineData(ImportPhase.Reading)]
    [InlineData(ImportPhase.BuildingRollups)]
    public async Task Cancelling_mid_import_leaves_the_store_exactly_as_it_was(ImportPhase cancelIn)
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));
        await db.ImportAsync(ImportKind.Orders, Path("canonical-orders.csv"));
        var before = await StoreCountsAsync(db);
        var version = await db.CountAsync("SELECT DataVersion FROM Stores");
        var big = StoreGenerator.WriteFiles(db.Folder, new StoreGeneratorOptions(60_000, 0, 2))[0];
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Phase == cancelIn && (cancelIn != ImportPhase.Reading || p.RowsRead >= 8192))
            {
                cancel.Cancel();
            }
        });

        var result = await db.ImportAsync(ImportKind.Events, big, progress: progress, cancellationToken: cancel.Token);

        Assert.Equal(ImportStatus.Cancelled, result.Status);
        Assert.Equal("The import was cancelled; nothing was stored.", result.Message);
        Assert.Equal(before, await StoreCountsAsync(db));
        Assert.Equal(version, await db.CountAsync("SELECT DataVersion FROM Stores"));
        Assert.Equal((int)ImportStatus.Cancelled, await db.CountAsync($"SELECT Status FROM Imports WHERE Id = {result.ImportId}"));
        Assert.Equal(0, await db.ImportEventCountAsync(result.ImportId));
    }

    [ProviderFact]
    public async Task Progress_reports_rows_and_bytes_and_ends_done()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var path = StoreGenerator.WriteFiles(db.Folder, new StoreGeneratorOptions(20_000, 0, 3))[0];
        var reports = new List<ImportProgress>();

        await db.ImportAsync(ImportKind.Events, path, progress: new InlineProgress(reports.Add));

        Assert.Contains(reports, r => r.Phase == ImportPhase.Reading && r.RowsRead == 16_384 && r.BytesRead > 0 && r.BytesRead < r.TotalBytes);
        Assert.Contains(reports, r => r.Phase == ImportPhase.BuildingRollups);
        Assert.Equal((ImportPhase.Done, 20_000L, new FileInfo(path).Length), (reports[^1].Phase, reports[^1].RowsRead, reports[^1].BytesRead));
    }

    [ProviderFact]
    public async Task A_missing_file_fails_the_import_with_a_message_and_stores_nothing()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var result = await db.ImportAsync(ImportKind.Events, System.IO.Path.Combine(db.Folder, "nope.csv"));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("nope.csv", result.Message, StringComparison.Ordinal);
        Assert.Equal((int)ImportStatus.Failed, await db.CountAsync($"SELECT Status FROM Imports WHERE Id = {result.ImportId}"));
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

/// <summary>The tests of <see cref="ImportServiceTests"/> on SQLite.</summary>
public sealed class ImportServiceTestsOnSqlite : ImportServiceTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="ImportServiceTests"/> on PostgreSQL.</summary>
public sealed class ImportServiceTestsOnPostgres : ImportServiceTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
