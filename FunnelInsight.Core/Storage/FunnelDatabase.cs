using FunnelInsight.Core.Events;
using FunnelInsight.Core.Events.ClickHouse;
using FunnelInsight.Core.Events.DuckDb;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// The SQLite database behind a FunnelInsight instance: creates it, applies migrations, and opens the
/// raw connections that the bulk import and the analytics use beside EF Core.
/// </summary>
public sealed class FunnelDatabase
{
    /// <summary>Creates the database handle for <paramref name="connectionString"/> (a SQLite connection string).</summary>
    /// <param name="connectionString">The SQLite database.</param>
    /// <param name="events">The event engine's limits; the defaults when null.</param>
    public FunnelDatabase(string connectionString, EventEngineOptions? events = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 60 };
        ConnectionString = builder.ToString();
        EventOptions = events ?? new EventEngineOptions();
        Events = EventOptions.ClickHouse is { } clickHouse
            ? new ClickHouseEventStore(this, new ClickHouseEventsDatabase(new ClickHouseConnection(clickHouse)))
            : new DuckDbEventStore(this, new DuckDbFile(EventsPath, EventOptions));
    }

    /// <summary>The event engine's limits.</summary>
    public EventEngineOptions EventOptions { get; }

    /// <summary>
    /// The DuckDB events file: beside the SQLite file, named after it (<c>shop.db</c> → <c>shop.events.duckdb</c>);
    /// in the temp folder for an in-memory database.
    /// </summary>
    public string EventsPath
    {
        get
        {
            var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return dataSource == ":memory:"
                ? Path.Combine(Path.GetTempPath(), "FunnelInsight", "memory.events.duckdb")
                : Path.ChangeExtension(Path.GetFullPath(dataSource), null) + ".events.duckdb";
        }
    }

    /// <summary>Where this instance's events and session rollups are stored.</summary>
    internal IEventStore Events { get; }

    /// <summary>The connection string in use, with foreign keys on.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The folder for files kept beside the database (uploads waiting to be imported): <c>files/</c> next to
    /// the database file, or under the temp folder for an in-memory database. Never inside the web root.
    /// </summary>
    public string FilesFolder
    {
        get
        {
            var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            var folder = dataSource == ":memory:" ? Path.Combine(Path.GetTempPath(), "FunnelInsight") : Path.GetDirectoryName(Path.GetFullPath(dataSource))!;
            return Path.Combine(folder, "files");
        }
    }

    /// <summary>The folder of one store's files; deleting the store deletes it.</summary>
    public string StoreFilesFolder(int storeId) => Path.Combine(FilesFolder, "store-" + storeId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>EF Core options for a <see cref="FunnelDbContext"/> on this database.</summary>
    public DbContextOptions<FunnelDbContext> ContextOptions() =>
        new DbContextOptionsBuilder<FunnelDbContext>().UseSqlite(ConnectionString).Options;

    /// <summary>A new context; dispose it when the operation ends.</summary>
    public FunnelDbContext CreateContext() => new(ContextOptions());

    /// <summary>A new context on an open <paramref name="connection"/> (to share its transaction); the caller keeps the connection.</summary>
    public static FunnelDbContext CreateContext(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<FunnelDbContext>().UseSqlite(connection).Options);

    /// <summary>
    /// Creates the database file's folder, turns on WAL, applies pending migrations and what they leave to the event
    /// store (see <see cref="IEventStore.UpgradeAsync"/>). A database of the previous layout has its events moved into
    /// the event store (<see cref="IEventStore.MovePreviousLayoutAsync"/>) before the migration that drops their tables.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(null, cancellationToken);

    /// <inheritdoc cref="MigrateAsync(CancellationToken)"/>
    /// <param name="logger">Told what the upgrade does beyond the migrations (a long step on a large old database).</param>
    /// <param name="cancellationToken">Stops the migrations.</param>
    public async Task MigrateAsync(ILogger? logger, CancellationToken cancellationToken = default)
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        await using (var connection = await OpenAsync(cancellationToken))
        {
            // A new file takes the page size before its first write (switching to WAL is one); an existing file keeps its own.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var context = CreateContext())
        {
            // As MigrateIfPendingAsync: a start with nothing pending writes nothing.
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.FirstOrDefault(id => id.EndsWith("_" + DropBlockTablesMigration, StringComparison.Ordinal)) is { } drop)
            {
                var before = context.Database.GetMigrations().TakeWhile(id => id != drop).Last();
                await context.GetService<IMigrator>().MigrateAsync(before, cancellationToken);
                await Events.MovePreviousLayoutAsync(logger, cancellationToken);
            }

            if (pending.Count > 0)
            {
                await context.Database.MigrateAsync(cancellationToken);
            }
        }

        await Events.UpgradeAsync(logger, cancellationToken);
    }

    // The migration that drops the previous layout's tables, once their events are in the event store.
    private const string DropBlockTablesMigration = "DropBlockTables";

    /// <summary>
    /// Applies <paramref name="context"/>'s pending migrations, if it has any. EF Core takes its migration lock (a write)
    /// even when there is nothing to apply, and a long import in another process holds SQLite's one write lock for
    /// minutes: a start that only reads must not wait for it.
    /// </summary>
    public static async Task MigrateIfPendingAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        if ((await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Page size of a new database file. An import is one transaction, so its pages sit in the WAL until the commit and
    /// every read of them is a WAL lookup; 16 KiB pages mean a quarter of the frames, lookups and reads of 4 KiB ones.
    /// </summary>
    public const int PageSize = 16_384;

    /// <summary>An open connection tuned for bulk work (WAL, relaxed sync, large cache, temp data on disk).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=FILE;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
