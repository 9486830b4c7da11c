using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// A real, migrated database in its own temporary folder, removed when the test ends: a SQLite file, or a PostgreSQL
/// database of its own on the test server (<see cref="PostgresServer"/>), dropped when the test ends. Files a test
/// writes beside it (fixtures, exports, the events file) go in <see cref="Folder"/> and are removed with it.
/// </summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TempDatabase(string folder, EventEngineOptions events, (string Name, string ConnectionString)? postgres)
    {
        Folder = folder;
        DatabasePath = Path.Combine(folder, "funnelinsight.db");
        _postgresName = postgres?.Name;
        Database = postgres is { } server
            ? new FunnelDatabase(DatabaseProvider.Postgres, server.ConnectionString, folder, events)
            : new FunnelDatabase($"Data Source={DatabasePath}", events);
        Stores = new StoreCatalog(Database);
    }

    /// <summary>The settings (as environment variables) that point the dashboard or the command line at this database.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => _postgresName is null
        ? new Dictionary<string, string> { ["ConnectionStrings__FunnelInsight"] = $"Data Source={DatabasePath}" }
        : new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__FunnelInsight"] = Database.ConnectionString,
            ["Database__DataFolder"] = Folder,
        };

    /// <summary>The test's own folder.</summary>
    public string Folder { get; }

    /// <summary>The database file (SQLite).</summary>
    public string DatabasePath { get; }

    /// <summary>The migrated database.</summary>
    public FunnelDatabase Database { get; }

    /// <summary>Stores in this database.</summary>
    public StoreCatalog Stores { get; }

    /// <summary>Creates and migrates a new database, its event engine with the default limits.</summary>
    public static Task<TempDatabase> CreateAsync() => CreateAsync(new EventEngineOptions());

    /// <summary>
    /// Creates and migrates a new database whose event engine has <paramref name="events"/>: SQLite beside DuckDB, and
    /// PostgreSQL beside ClickHouse, the two pairs the README documents, so every test shared by the engines runs on
    /// SQLite + DuckDB and on PostgreSQL + ClickHouse.
    /// </summary>
    public static Task<TempDatabase> CreateAsync(EventEngineOptions events) =>
        CreateAsync(events.ClickHouse is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, events);

    /// <summary>Creates and migrates a new database on <paramref name="provider"/> (PostgreSQL: a database of its own on the test server).</summary>
    public static async Task<TempDatabase> CreateAsync(DatabaseProvider provider, EventEngineOptions? events = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var postgres = provider.IsServer ? await PostgresServer.CreateDatabaseAsync() : ((string, string)?)null;
        var temp = new TempDatabase(folder, events ?? new EventEngineOptions(), postgres);
        try
        {
            await temp.Database.MigrateAsync();
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }

        return temp;
    }

    /// <summary>A connection to the SQLite file, for a test that holds its write lock.</summary>
    public async Task<SqliteConnection> OpenSqliteAsync() => (SqliteConnection)await Database.OpenAsync();

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a file in the test's folder and returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes an event export of <see cref="StoreGenerator"/>'s with <paramref name="options"/> into the folder as <paramref name="name"/>; its path.</summary>
    public string WriteGeneratedEvents(string name, StoreGeneratorOptions options)
    {
        var path = Path.Combine(Folder, name);
        using var file = File.Create(path);
        StoreGenerator.WriteEvents(file, options);
        return path;
    }

    /// <summary>Imports <paramref name="path"/> into the store called <paramref name="store"/> (created when needed).</summary>
    public async Task<ImportResult> ImportAsync(ImportKind kind, string path, string store = "Test", string? format = null,
        string? mapping = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = await Stores.GetOrCreateAsync(store, cancellationToken);
        return await new ImportService(Database).ImportAsync(
            new ImportRequest(target.Id, kind, path, Format: format, Mapping: mapping), progress, cancellationToken);
    }

    /// <summary>Runs a query and reads each row with <paramref name="read"/>, for asserting on what is stored.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read) => QueryAsync(Database, sql, read);

    /// <summary>Every stored session rollup, by store and id.</summary>
    internal Task<IReadOnlyList<StoredSession>> SessionsAsync() => StoredSession.AllAsync(Database);

    /// <summary>Events stored, in every store (or in store <paramref name="storeId"/>), as the event store counts them.</summary>
    public async Task<long> EventCountAsync(int? storeId = null)
    {
        var counts = await EventsFile.WhenFreeAsync(() => Database.Events.CountAsync(CancellationToken.None));
        return storeId is { } id ? counts.GetValueOrDefault(id).Events : counts.Values.Sum(c => c.Events);
    }

    /// <summary>Session rollups stored, in every store, as the event store counts them.</summary>
    public async Task<long> SessionCountAsync() => (await EventsFile.WhenFreeAsync(() => Database.Events.CountAsync(CancellationToken.None))).Values.Sum(c => c.Sessions);

    /// <summary>Events of import <paramref name="importId"/> still stored.</summary>
    public async Task<long> ImportEventCountAsync(int importId) =>
        (await EventRecord.StoredAsync(Database)).LongCount(e => e.ImportId == importId);

    /// <summary>Runs a query on any database and reads each row with <paramref name="read"/>.</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(FunnelDatabase database, string sql, Func<DbDataReader, T> read)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs a scalar query, for asserting on what is stored.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a scalar query on the events file, opened read-only (between operations, when no connection holds it).</summary>
    public long EventsFileCount(string sql)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Database.EventsPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement (to damage or change what is stored); how many rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Database.Provider.ClearPools();
        await TestServers.DropClickHouseDatabaseAsync(Database.EventOptions);
        if (_postgresName is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgresName);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner is left for the OS temp cleaner rather than failing the test.
        }
    }
}
