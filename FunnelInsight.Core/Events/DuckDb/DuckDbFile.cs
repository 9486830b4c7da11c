using DuckDB.NET.Data;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// The DuckDB file that holds every store's events and sessions, beside the SQLite database: opens connections with
/// the configured memory limit, threads and spill folder, and creates the tables on first use; while a write is open
/// DuckDB runs on the write's threads instead of the queries'.
/// </summary>
internal sealed class DuckDbFile(string path, EventEngineOptions options)
{
    // DuckDB's threads are the database's, shared by every connection of the process: the scopes on a write's threads
    // open on each file, counted per file so that the last to end gives the queries their threads back.
    private static readonly Dictionary<string, int> OpenWrites = new(StringComparer.Ordinal);

    private readonly Lock _schemaGate = new();
    private bool _schemaReady;

    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>An open connection, the tables created.</summary>
    /// <exception cref="EventStoreLockedException">Another process has the file open.</exception>
    public DuckDBConnection Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        // The limits are the database's, given when DuckDB opens it (in the connection string): set again on a later
        // connection, the spill folder would be refused once an import has spilled into it.
        var temp = options.TempDirectory ?? Path + ".tmp";
        var connection = new DuckDBConnection(string.Create(CultureInfo.InvariantCulture,
            $"Data Source={Path};memory_limit={options.MemoryLimit};threads={QueryThreads};temp_directory={temp};preserve_insertion_order=false"));
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("Could not set lock on file", StringComparison.Ordinal))
        {
            connection.Dispose();
            throw new EventStoreLockedException(Path, ex);
        }

        try
        {
            EnsureSchema(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True when the queries run on more threads than a write does.</summary>
    public bool QueriesUseMoreThreads => QueryThreads > WriteThreadCount;

    /// <summary>
    /// Puts DuckDB on a write's <see cref="EventEngineOptions.Threads"/> until the scope ends, and on the queries'
    /// <see cref="EventEngineOptions.QueryThreads"/> again once every such scope on this file has ended.
    /// </summary>
    /// <param name="connection">A connection of this file's, open until the scope ends.</param>
    public ThreadScope WriteThreads(DuckDBConnection connection)
    {
        lock (OpenWrites)
        {
            var open = OpenWrites.GetValueOrDefault(FullPath);
            if (open == 0)
            {
                SetThreads(connection, WriteThreadCount);
            }

            OpenWrites[FullPath] = open + 1;
        }

        return new ThreadScope(this, connection);
    }

    private void EndWriteThreads(DuckDBConnection connection)
    {
        lock (OpenWrites)
        {
            var open = OpenWrites[FullPath] - 1;
            if (open > 0)
            {
                OpenWrites[FullPath] = open;
                return;
            }

            OpenWrites.Remove(FullPath);
            try
            {
                SetThreads(connection, QueryThreads);
            }
            catch (DuckDBException)
            {
                // A write that failed inside DuckDB can leave its connection unusable: the queries then keep the
                // write's threads, which answers them all the same, only on fewer cores.
            }
        }
    }

    /// <summary>Runs <paramref name="sql"/> (no rows) on <paramref name="connection"/>; returns the rows it changed.</summary>
    public static long Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query of one value.</summary>
    public static long Scalar(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>A command with named parameters (<c>$name</c> in the SQL).</summary>
    public static DuckDBCommand Command(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    /// <summary>The bytes of a BLOB column.</summary>
    public static byte[] Bytes(DuckDBDataReader reader, int column)
    {
        using var stream = reader.GetStream(column);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A SQL string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>DuckDB's threads for queries (<see cref="EventEngineOptions.QueryThreads"/>, at least one).</summary>
    public int QueryThreads => Math.Max(1, options.QueryThreads);

    private int WriteThreadCount => Math.Max(1, options.Threads);

    /// <summary>What the session rollups' sort of a write runs with: the queries' threads and <see cref="EventEngineOptions.SortMemoryLimit"/>.</summary>
    public DuckDbSortSettings Sort => new(QueryThreads, options.SortMemoryLimit);

    /// <summary>Sets DuckDB's memory limit (such as <c>200MB</c>), which is the database's, not the connection's.</summary>
    public static void SetMemoryLimit(DuckDBConnection connection, string limit) =>
        Execute(connection, "SET memory_limit = " + Quote(limit));

    /// <summary>Sets DuckDB's thread count, which is the database's, not the connection's.</summary>
    public static void SetThreads(DuckDBConnection connection, int threads) =>
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));

    private void EnsureSchema(DuckDBConnection connection)
    {
        lock (_schemaGate)
        {
            if (!_schemaReady)
            {
                Execute(connection, DuckDbSchema.Create);
                _schemaReady = true;
            }
        }
    }

    /// <summary>The time DuckDB runs on a write's threads (<see cref="WriteThreads"/>).</summary>
    public readonly struct ThreadScope(DuckDbFile file, DuckDBConnection connection) : IDisposable
    {
        /// <summary>Gives the queries their threads back, once no other scope on the file is open.</summary>
        public void Dispose() => file.EndWriteThreads(connection);
    }
}
