namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// What the session rollups' sort runs with, which may be more than the write it belongs to: the sort is the one step
/// of an import that has nothing of the import's own beside it (see <see cref="DuckDbSessionRoller"/>).
/// </summary>
/// <param name="Threads">DuckDB's threads for the sort, when more than the write's.</param>
/// <param name="MemoryLimit">DuckDB's <c>memory_limit</c> for the sort; null for the write's.</param>
internal readonly record struct DuckDbSortSettings(int Threads, string? MemoryLimit)
{
    /// <summary>The write's own threads and memory limit.</summary>
    public static DuckDbSortSettings Write => new(1, null);
}
