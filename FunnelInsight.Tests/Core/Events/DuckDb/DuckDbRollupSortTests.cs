namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// The session rollups' sort runs on the queries' threads (<see cref="EventEngineOptions.QueryThreads"/>) while the
/// rest of an import keeps the write's one: the sessions must come out the same as from a sort on one thread.
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
}
