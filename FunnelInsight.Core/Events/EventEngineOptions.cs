namespace FunnelInsight.Core.Events;

/// <summary>
/// The event engine (DuckDB in a file beside the SQLite database, or a ClickHouse server), its limits, and those of the
/// dashboard's session cache.
/// </summary>
public sealed record EventEngineOptions
{
    /// <summary>
    /// The ClickHouse database that holds the events, as <c>http://host:8123/?database=NAME</c> (user and password in the
    /// address or as <c>user</c> and <c>password</c> in its query); null for DuckDB, the default.
    /// </summary>
    public string? ClickHouse { get; init; }

    /// <summary>
    /// The ClickHouse cluster (a name under the server's <c>remote_servers</c>) whose shards hold the events and sessions,
    /// sharded by store and visitor; null to keep every table in the one database.
    /// </summary>
    public string? ClickHouseShards { get; init; }

    /// <summary>
    /// How many events of an import ClickHouse moves from its staging table into the events table in one statement (by a
    /// hash of their session or visitor), so the dedupe's sets stay within the server's memory limit whatever the file's
    /// size: a 10,000,000-event file in one statement needed more than 1.9 GB.
    /// </summary>
    public long ClickHouseImportSlice { get; init; } = 1_000_000;

    /// <summary>
    /// About how many events of a store ClickHouse counts a user-defined funnel over in one statement (slices of its
    /// sessions or visitors by a hash, the counts added up), so a unit's gathered events stay within the server's memory
    /// limit: one statement over 10,000,000 events needed more than 1.9 GB.
    /// </summary>
    public long ClickHouseFunnelSlice { get; init; } = 2_000_000;

    /// <summary>
    /// DuckDB's <c>memory_limit</c> (for example <c>100MB</c>). The default keeps a 1,000,000-event import under 600 MB
    /// in all (measured 540 MB, of which the parsing and the C# rollup builder take about half).
    /// </summary>
    public string MemoryLimit { get; init; } = "100MB";

    /// <summary>
    /// DuckDB's <c>threads</c> while an import or a rebuild writes: each thread holds buffers of its own, so more threads
    /// cost memory as well as cores, and the import's own threads (parsing, building sessions) already use the cores.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// DuckDB's <c>threads</c> while no write is open, for the reports' queries (a user-defined funnel over 10,000,000
    /// events answered in about two thirds of the time on two threads); by default one per core.
    /// </summary>
    public int QueryThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// DuckDB's <c>memory_limit</c> while the session rollups' sort of an import or a rebuild runs, the one step with
    /// nothing of the import's own beside it; null for <see cref="MemoryLimit"/>. Within 100 MB the sort spills most of
    /// what it sorts: a 10,000,000-event import took 29.8-30.0 s with 200 MB for its sort against 32.6-34.3 s with
    /// 100 MB, at a peak of 488-496 MB against 404 MB (300 MB gained nothing more and peaked at 649 MB).
    /// </summary>
    public string? SortMemoryLimit { get; init; } = "200MB";

    /// <summary>Where DuckDB spills what exceeds its memory limit; null for a folder beside the events database.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// How many megabytes of session tables the dashboard keeps in memory, least recently used out; a store whose table
    /// alone is larger is read for each query and not kept.
    /// </summary>
    public int SessionCacheMegabytes { get; init; } = 512;
}
