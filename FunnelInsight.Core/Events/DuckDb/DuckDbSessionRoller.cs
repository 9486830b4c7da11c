using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// Rolls sessions up again with the C# rollup builder (so every definition stays in one place): deletes the sessions of
/// the groups asked for, and feeds the builder those groups' events in (group, time, id) order, appending each session
/// it builds, on the caller's connection and transaction.
/// </summary>
/// <remarks>
/// DuckDB sorts the events (spilling past its memory limit) into a Parquet file in a private temporary folder, which a
/// second, in-memory DuckDB streams back in that order: a streaming result on the caller's connection would be closed
/// by the first flush of the sessions' appender, and a materialised one is held whole in memory.
/// </remarks>
internal static class DuckDbSessionRoller
{
    /// <summary>The groups of the events of one import: <c>$store</c> and <c>$import</c>.</summary>
    public const string ImportGroups = "SELECT DISTINCT has_session, group_key FROM events WHERE store_id = $store AND import_id = $import";

    /// <summary>
    /// The stages the store's events track (landing always), or with <paramref name="importId"/> those of that import's
    /// events added to <paramref name="before"/> (an import's events lie in row groups of their own, so this reads only those).
    /// </summary>
    public static TrackedStages Tracked(DuckDBConnection connection, int storeId, StageMap map, int? importId = null, TrackedStages? before = null)
    {
        var tracked = before ?? TrackedStages.LandingOnly;
        using var command = importId is { } id
            ? DuckDbFile.Command(connection, "SELECT DISTINCT event_name FROM events WHERE store_id = $store AND import_id = $import AND event_name IS NOT NULL", ("store", storeId), ("import", id))
            : DuckDbFile.Command(connection, "SELECT DISTINCT event_name FROM events WHERE store_id = $store AND event_name IS NOT NULL", ("store", storeId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (map.Meaning(reader.GetString(0)).Stage is { } stage)
            {
                tracked = tracked.With(stage);
            }
        }

        return tracked;
    }

    /// <summary>
    /// Replaces the sessions of the groups <paramref name="groupsSql"/> selects (<c>has_session, group_key</c>; every
    /// group of the store when null); returns how many stored events it read and how many sessions it wrote.
    /// <paramref name="tracked"/> is the store's tracked stages when the caller knows them (read from the events when null);
    /// the events are sorted with <paramref name="sort"/>'s threads and memory limit (the write's own when null).
    /// </summary>
    public static RollupRead Roll(DuckDBConnection connection, int storeId, SessionRules rules, string? groupsSql, int? importId, CancellationToken cancellationToken,
        TrackedStages? tracked = null, DuckDbSortSettings? sort = null)
    {
        tracked ??= Tracked(connection, storeId, rules.Map);
        var parameters = importId is { } id ? new[] { ("store", (object?)storeId), ("import", (object?)id) } : [("store", storeId)];
        // New sessions take ids past every one the store has had, so that a session rolled up again is a new row and an
        // untouched one keeps its id.
        var nextId = DuckDbFile.Scalar(connection, "SELECT coalesce(max(id), $first) + 1 FROM sessions WHERE store_id = $store",
            ("store", storeId), ("first", StoreRowIds.First(storeId)));
        DuckDbFile.Execute(connection, groupsSql is null
            ? "DELETE FROM sessions WHERE store_id = $store"
            : $"DELETE FROM sessions x USING ({groupsSql}) g WHERE x.store_id = $store AND g.has_session = x.has_session AND g.group_key = x.group_key", parameters);

        // The groups' events are found once, into a temporary table that is counted (nothing to sort when empty) and read.
        var source = "events";
        if (groupsSql is not null)
        {
            DuckDbFile.Execute(connection, $"""
                CREATE OR REPLACE TEMP TABLE touched_events AS
                SELECT x.* FROM events x JOIN ({groupsSql}) g ON g.has_session = x.has_session AND g.group_key = x.group_key
                WHERE x.store_id = $store
                """, parameters);
            source = "touched_events";
        }

        var events = DuckDbFile.Scalar(connection, $"SELECT count(*) FROM {source} WHERE store_id = $store", ("store", storeId));
        var (read, sessions) = events == 0 ? (0, 0) : Build(connection, storeId, rules, tracked.Value, source, nextId, sort ?? DuckDbSortSettings.Write, cancellationToken);
        if (groupsSql is not null)
        {
            // After a failure the table goes with the write's connection instead.
            DuckDbFile.Execute(connection, "DROP TABLE touched_events");
        }

        return new RollupRead(read, sessions);
    }

    private static (long Read, long Sessions) Build(DuckDBConnection connection, int storeId, SessionRules rules, TrackedStages tracked, string source, long nextId,
        DuckDbSortSettings sort, CancellationToken cancellationToken)
    {
        var folder = StoreRollups.TemporaryFolder();
        Directory.CreateDirectory(folder);
        try
        {
            using (OwnerLock.Take(Path.Combine(folder, StoreRollups.OwnerLockName)))
            {
                var ordered = Path.Combine(folder, "events.parquet");
                // The event name, device, channel and country (few distinct values in a store) go through the sort as
                // numbers of a list of their values, read here once: sorting their text spilled twice the bytes and took
                // twice as long at 10,000,000 events, and reading them back made a string of each.
                var names = Names(connection, storeId, source);
                // The store id is a number, the path one of ours: both written into the statement, which COPY needs.
                using (Sorting(connection, sort))
                {
                    DuckDbFile.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                        COPY (SELECT e.has_session, e.group_key, e.visitor_key, e.time_us, n.code, e.price, e.quantity, d.code, c.code, k.code, e.page_load_ms
                              FROM {source} e
                              LEFT JOIN roll_names n ON n.name = e.event_name
                              LEFT JOIN roll_names d ON d.name = e.device
                              LEFT JOIN roll_names c ON c.name = e.channel
                              LEFT JOIN roll_names k ON k.name = e.country
                              WHERE e.store_id = {storeId} ORDER BY e.has_session, e.group_key, e.time_us, e.id)
                        TO {DuckDbFile.Quote(ordered)} (FORMAT parquet)
                        """));
                }

                DuckDbFile.Execute(connection, "DROP TABLE roll_names");
                using var appender = connection.CreateAppender("sessions");
                var builder = new SessionRollupBuilder(rules.Map, rules.SessionTimeout, tracked, s => DuckDbSessionRows.Append(appender, storeId, nextId++, s));
                var read = Stream(connection, ordered, names, builder, cancellationToken);
                builder.Complete();
                appender.Close();
                return (read, builder.Sessions);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The sorted file, read back in its order by an in-memory DuckDB with the events file's limits, on this thread, while
    // a second one builds the sessions from chunks of the rows read (and appends them): reading a row's text costs about
    // what building its session does.
    private static long Stream(DuckDBConnection connection, string ordered, string[] names, SessionRollupBuilder builder, CancellationToken cancellationToken)
    {
        const int ChunkSize = 512;
        var limits = string.Create(CultureInfo.InvariantCulture,
            $"memory_limit={Setting(connection, "memory_limit")};threads={Setting(connection, "threads")}");
        using var reading = new DuckDBConnection($"Data Source=:memory:;{limits}");
        reading.Open();
        using var command = DuckDbFile.Command(reading, $"SELECT * FROM read_parquet({DuckDbFile.Quote(ordered)})");
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        using var building = new Pipeline<ArraySegment<StoredGroupEvent>>(events =>
        {
            foreach (var stored in events)
            {
                builder.Add(stored);
            }
        }, cancellationToken);
        var rows = 0L;
        var chunk = new StoredGroupEvent[ChunkSize];
        var used = 0;
        while (reader.Read())
        {
            if (++rows % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            chunk[used++] = new StoredGroupEvent(
                reader.GetBoolean(0),
                reader.GetString(1),
                Text(reader, 2),
                reader.GetInt64(3),
                Name(reader, 4, names),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                Name(reader, 7, names),
                Name(reader, 8, names),
                Name(reader, 9, names),
                reader.IsDBNull(10) ? null : reader.GetInt32(10));
            if (used == ChunkSize)
            {
                building.Add(chunk);
                (chunk, used) = (new StoredGroupEvent[ChunkSize], 0);
            }
        }

        building.Add(new ArraySegment<StoredGroupEvent>(chunk, 0, used));
        building.Finish();
        return rows;
    }

    // The sort alone on more threads and more memory than the write's, then the write's again. At 10,000,000 events the
    // sorted copy took 9.9-11.1 s on two threads against 13.9-14.3 s on one (about 70 MB more at its peak), and spilled
    // most of what it sorted within 100 MB: see EventEngineOptions.SortMemoryLimit. The steps before and after it keep
    // the write's settings, with the import's own threads beside them.
    private static SortingRaised? Sorting(DuckDBConnection connection, DuckDbSortSettings sort)
    {
        var threads = int.Parse(Setting(connection, "threads"), CultureInfo.InvariantCulture);
        var memoryLimit = Setting(connection, "memory_limit");
        var moreThreads = sort.Threads > threads;
        if (!moreThreads && sort.MemoryLimit is null)
        {
            return null;
        }

        var raised = new SortingRaised(connection, threads, memoryLimit);
        try
        {
            if (moreThreads)
            {
                DuckDbFile.SetThreads(connection, sort.Threads);
            }

            if (sort.MemoryLimit is { } limit)
            {
                DuckDbFile.SetMemoryLimit(connection, limit);
            }

            return raised;
        }
        catch
        {
            raised.Dispose();
            throw;
        }
    }

    private sealed class SortingRaised(DuckDBConnection connection, int threads, string memoryLimit) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                DuckDbFile.SetThreads(connection, threads);
                DuckDbFile.SetMemoryLimit(connection, memoryLimit);
            }
            catch (DuckDBException)
            {
                // A sort that failed inside DuckDB can leave the connection unusable, and then neither setting can be put
                // back here; the sort's failure is the one to report (the write's scope still puts the queries' threads
                // back when it ends).
            }
        }
    }

    private static string Setting(DuckDBConnection connection, string name)
    {
        using var command = DuckDbFile.Command(connection, "SELECT current_setting($name)", ("name", name));
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!.Replace(" ", "", StringComparison.Ordinal);
    }

    private static string? Text(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string? Name(DuckDBDataReader reader, int column, string[] names) => reader.IsDBNull(column) ? null : names[reader.GetInt32(column)];

    // The distinct event names, devices, channels and countries of the store's events in the table, numbered from 0 in
    // a temporary table roll_names (name, code); returns them by their code.
    private static string[] Names(DuckDBConnection connection, int storeId, string source)
    {
        DuckDbFile.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
            CREATE OR REPLACE TEMP TABLE roll_names AS
            SELECT name, (row_number() OVER () - 1)::INTEGER AS code FROM (
                SELECT DISTINCT unnest([event_name, device, channel, country]) AS name FROM {source} WHERE store_id = {storeId})
            WHERE name IS NOT NULL
            """));
        using var command = DuckDbFile.Command(connection, "SELECT name FROM roll_names ORDER BY code");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return [.. names];
    }
}
