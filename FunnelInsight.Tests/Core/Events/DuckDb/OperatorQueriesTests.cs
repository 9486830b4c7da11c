using DuckDB.NET.Data;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>The README's two example queries for operators, read from the README itself, run read-only on a store.</summary>
public sealed class OperatorQueriesTests
{
    [Fact]
    public async Task The_readmes_two_queries_run_read_only_and_give_the_store_lists_events_and_the_funnel_pages_reached_counts()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Shop");
        Assert.Equal(1, store.Id); // the README's second query asks about store 1
        var events = db.WriteGeneratedEvents("events.csv", new StoreGeneratorOptions(4_000, 0, Seed: 5));

        await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, events));
        var listed = (await db.Stores.ListAsync()).Single();
        var funnel = (await new FunnelAnalytics(db.Database).FunnelAsync(new FunnelQuery(store.Id))).Total;
        var queries = ReadmeQueries();

        using var connection = new DuckDBConnection($"Data Source={db.Database.EventsPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var perStore = Rows(connection, queries[0]);
        var stages = Assert.Single(Rows(connection, queries[1]));

        Assert.Equal([[1L, listed.Events]], perStore);
        Assert.True(listed.Events > 3_000);
        Assert.All(funnel.Stages.Where(s => s.Tracked), s => Assert.Equal(s.Reached, stages[(int)s.Stage]));
        Assert.Contains(funnel.Stages, s => s.Tracked && s.Reached > 0 && s.Stage != FunnelInsight.Core.Domain.FunnelStage.Landing);
    }

    // The statements of the sql block in the README's section on looking at the events.
    private static List<string> ReadmeQueries()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("operators can look", StringComparison.Ordinal)..];
        var start = section.IndexOf("```sql\n", StringComparison.Ordinal) + "```sql\n".Length;
        var block = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var statements = block.Split(';').Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0).ToList();
        Assert.Equal(2, statements.Count);
        return statements;
    }

    private static List<long[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<long[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return rows;
    }
}
