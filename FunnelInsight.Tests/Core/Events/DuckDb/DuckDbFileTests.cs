using FunnelInsight.Core.Events.DuckDb;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

/// <summary>The events file's limits, which DuckDB takes when it opens the database.</summary>
public sealed class DuckDbFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_configured_memory_limit_threads_and_spill_folder_hold_on_every_connection_and_a_second_connection_opens_after_a_spill_folder_was_used()
    {
        var spill = Path.Combine(_folder, "spill");
        var file = new DuckDbFile(Path.Combine(_folder, "shop.events.duckdb"), new EventEngineOptions { MemoryLimit = "123MB", Threads = 1, QueryThreads = 1, TempDirectory = spill });

        using var first = file.Open();
        // Sorting more than the memory limit allows makes DuckDB use its spill folder.
        DuckDbFile.Execute(first, "CREATE TEMP TABLE big AS SELECT range AS n, md5(range::VARCHAR) AS h FROM range(3000000) ORDER BY h");
        Assert.True(Directory.Exists(spill), "the sort spilled");
        using var second = file.Open();

        Assert.Equal(1, DuckDbFile.Scalar(second, "SELECT current_setting('threads')"));
        using var command = DuckDbFile.Command(second, "SELECT current_setting('memory_limit'), current_setting('temp_directory')");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.StartsWith("117.3 MiB", reader.GetString(0), StringComparison.Ordinal);
        Assert.Equal(spill, reader.GetString(1));
    }

    [Fact]
    public void While_a_write_is_open_duckdb_runs_on_the_writes_threads_and_on_the_queries_threads_once_the_last_write_has_ended()
    {
        var file = new DuckDbFile(Path.Combine(_folder, "shop.events.duckdb"), new EventEngineOptions { Threads = 1, QueryThreads = 3 });
        using var query = file.Open();
        Assert.Equal(3, DuckDbFile.Scalar(query, "SELECT current_setting('threads')"));

        using (new DuckDbWrite(file, file.Open(), "import", storeId: 1, importId: 1))
        {
            Assert.Equal(1, DuckDbFile.Scalar(query, "SELECT current_setting('threads')"));
            using (new DuckDbWrite(file, file.Open(), "import", storeId: 2, importId: 2))
            {
                Assert.Equal(1, DuckDbFile.Scalar(query, "SELECT current_setting('threads')"));
            }

            // One write is still open.
            Assert.Equal(1, DuckDbFile.Scalar(query, "SELECT current_setting('threads')"));
        }

        Assert.Equal(3, DuckDbFile.Scalar(query, "SELECT current_setting('threads')"));
    }
}
