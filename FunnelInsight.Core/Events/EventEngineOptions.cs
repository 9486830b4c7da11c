namespace FunnelInsight.Core.Events;

/// <summary>Which engine stores events and session rollups, and the DuckDB engine's limits.</summary>
public sealed record EventEngineOptions
{
    /// <summary>The engine: <see cref="EventEngine.DuckDb"/> (a DuckDB file beside the SQLite database) by default.</summary>
    public EventEngine Engine { get; init; } = EventEngine.DuckDb;

    /// <summary>
    /// DuckDB's <c>memory_limit</c> (for example <c>100MB</c>). The default keeps a 1,000,000-event import under 600 MB
    /// in all (measured 540 MB, of which the parsing and the C# rollup builder take about half).
    /// </summary>
    public string MemoryLimit { get; init; } = "100MB";

    /// <summary>DuckDB's <c>threads</c>: each thread holds buffers of its own, so more threads cost memory as well as cores.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Where DuckDB spills what exceeds its memory limit; null for a folder beside the events database.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// How many megabytes of session tables the dashboard keeps in memory, least recently used out; a store whose table
    /// alone is larger is read for each query and not kept.
    /// </summary>
    public int SessionCacheMegabytes { get; init; } = 512;

    /// <summary>The options an engine name from configuration stands for (<c>blocks</c> or <c>duckdb</c>, any case).</summary>
    /// <exception cref="ArgumentException">No such engine.</exception>
    public static EventEngine ParseEngine(string name) => name.Trim().ToLowerInvariant() switch
    {
        "blocks" => EventEngine.Blocks,
        "duckdb" => EventEngine.DuckDb,
        _ => throw new ArgumentException($"Unknown event engine '{name}': use blocks or duckdb.", nameof(name)),
    };
}

/// <summary>The engines that store events.</summary>
public enum EventEngine
{
    /// <summary>Event and session blocks inside the application's SQLite database.</summary>
    Blocks,

    /// <summary>Events and sessions tables in a DuckDB file beside the SQLite database.</summary>
    DuckDb,
}
