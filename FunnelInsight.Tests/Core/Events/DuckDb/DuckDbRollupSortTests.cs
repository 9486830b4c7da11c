namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// The session rollups' sort runs on the queries' threads (<see cref="EventEngineOptions.QueryThreads"/>) and within
/// <see cref="EventEngineOptions.SortMemoryLimit"/>, while the rest of an import keeps the write's thread and memory
/// limit: the sessions must come out the same as from a sort on one thread.
/// </summary>
public sealed class DuckDbRollupSortTests
{
    [Fact]
    public async Task Sessions_rolled_up_from_a_sort_on_four_threads_equal_those_from_a_sort_on_one()
    {
        // Enough events for several of DuckDB's row groups (122,880 rows each), which its threads sort apart; the file's
        // rows are shuffled the same way for both (a seeded order).
        var options = new StoreGeneratorOptions(400_000, 0, Seed: 11);

        var one = await RolledUpAsync(new EventEngineOptions { QueryThreads = 1 }, options);
        var four = await RolledUpAsync(new EventEngineOptions { QueryThreads = 4 }, options);

        Assert.True(one.Count > 50_000, $"{one.Count} sessions");
        Assert.Equal(one, four);
    }

    private static async Task<List<(StoredSession Values, string StagePath)>> RolledUpAsync(EventEngineOptions engine, StoreGeneratorOptions options)
    {
        await using var db = await TempDatabase.CreateAsync(engine);
        var store = await db.Stores.GetOrCreateAsync("Sorted");
        var file = db.WriteGeneratedEvents("events.csv", options);
        // Rows out of order, so that the stored events are not already in the sort's order.
        var lines = File.ReadAllLines(file);
        var shuffle = new Random(7);
        File.WriteAllLines(file, lines.Take(1).Concat(lines.Skip(1).OrderBy(_ => shuffle.Next())));
        await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, file));
        return (await db.SessionsAsync()).Select(s => s.Comparable).ToList();
    }

    [Fact]
    public async Task The_sort_runs_within_its_own_memory_limit_and_nothing_else_of_the_import_does()
    {
        // 4 MB is too little for DuckDB to sort 100,000 events, and the only limit of that size here is the sort's: the
        // import stops at its rollups and stores nothing. With the sort on the write's 100 MB, the same file imports.
        var options = new StoreGeneratorOptions(100_000, 0, Seed: 3);

        await using (var tight = await TempDatabase.CreateAsync(new EventEngineOptions { MemoryLimit = "100MB", SortMemoryLimit = "4MB" }))
        {
            var store = await tight.Stores.GetOrCreateAsync("Tight");
            var result = await new ImportService(tight.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, tight.WriteGeneratedEvents("events.csv", options)));
            Assert.Equal((ImportStatus.Failed, 0L), (result.Status, await tight.EventCountAsync()));
        }

        await using var roomy = await TempDatabase.CreateAsync(new EventEngineOptions { MemoryLimit = "100MB", SortMemoryLimit = null });
        var roomyStore = await roomy.Stores.GetOrCreateAsync("Roomy");
        var imported = await new ImportService(roomy.Database).ImportAsync(new ImportRequest(roomyStore.Id, ImportKind.Events, roomy.WriteGeneratedEvents("events.csv", options)));
        Assert.Equal((ImportStatus.Succeeded, 100_000L), (imported.Status, imported.RowsStored));
    }
}
