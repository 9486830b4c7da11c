using DuckDB.NET.Data;
using FunnelInsight.Core.Events.DuckDb;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>
/// What a user-defined funnel's statement reads, by DuckDB's own profile: without a landing step, only the events of the
/// steps' names reach the join with the sessions, not every event of the store.
/// </summary>
public sealed class DuckDbEventFunnelScanTests
{
    private static readonly string[] StepNames = ["view_item", "add_to_cart", "purchase"];

    [Fact]
    public async Task A_funnel_without_a_landing_step_joins_only_the_events_of_its_steps_names_with_the_sessions()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Scan");
        var file = db.WriteGeneratedEvents("events.csv", new StoreGeneratorOptions(20_000, 0, Seed: 5));
        await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, file));
        var all = db.EventsFileCount($"SELECT count(*) FROM events WHERE store_id = {store.Id}");
        var named = db.EventsFileCount($"SELECT count(*) FROM events WHERE store_id = {store.Id} AND event_name IN ({string.Join(", ", StepNames.Select(n => $"'{n}'"))})");
        var steps = StepNames.Select(name => new EventFunnelStep(false, [name], [])).ToList();
        var query = new EventFunnelQuery(store.Id, steps, FunnelMode.Ordered, FunnelScope.Session, null, null, [null, null, null], null, null, false);

        var inputs = SessionJoinInputs(db, query);

        Assert.True(named > 1_000 && named < all, $"{named} of {all} events are of the steps' names");
        Assert.Contains(named, inputs);
        Assert.DoesNotContain(all, inputs);
    }

    // The rows that reached each side of the hash join of the events with their units (on group_key), from the profile
    // of the statement run over the store's events file.
    private static List<long> SessionJoinInputs(TempDatabase db, EventFunnelQuery query)
    {
        var profile = Path.Combine(db.Folder, "profile.json");
        using (var connection = new DuckDBConnection("Data Source=" + db.Database.EventsPath))
        {
            connection.Open();
            Execute(connection, "CREATE TEMP TABLE funnel_names (event_name VARCHAR NOT NULL, mask INTEGER NOT NULL)");
            Execute(connection, "INSERT INTO funnel_names VALUES " + string.Join(", ", StepNames.Select((name, k) => $"('{name}', {1 << k})")));
            Execute(connection, $"SET enable_profiling = 'json'; SET profiling_output = '{profile}'");
            Execute(connection, DuckDbEventFunnel.Sql(query));
        }

        using var json = JsonDocument.Parse(File.ReadAllText(profile));
        var inputs = new List<long>();
        Collect(json.RootElement, inputs);
        Assert.NotEmpty(inputs);
        return inputs;
    }

    private static void Collect(JsonElement node, List<long> inputs)
    {
        if (!node.TryGetProperty("children", out var children))
        {
            return;
        }

        var joinsSessions = node.TryGetProperty("operator_type", out var type) && type.GetString() == "HASH_JOIN"
            && node.TryGetProperty("extra_info", out var info) && info.GetRawText().Contains("group_key", StringComparison.Ordinal);
        foreach (var child in children.EnumerateArray())
        {
            if (joinsSessions && child.TryGetProperty("operator_cardinality", out var rows))
            {
                inputs.Add(rows.GetInt64());
            }

            Collect(child, inputs);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
