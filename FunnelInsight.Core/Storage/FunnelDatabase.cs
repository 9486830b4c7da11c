using FunnelInsight.Core.Events;
using FunnelInsight.Core.Events.ClickHouse;
using FunnelInsight.Core.Events.DuckDb;
using FunnelInsight.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// The application database behind a FunnelInsight instance (SQLite by default, PostgreSQL by configuration): creates
/// it, applies migrations, and opens the raw connections that the bulk import and the analytics use beside EF Core.
/// </summary>
public sealed class FunnelDatabase
{
    private readonly string _dataFolder;

    /// <summary>Creates the database handle for <paramref name="connectionString"/> (a SQLite connection string).</summary>
    /// <param name="connectionString">The SQLite database.</param>
    /// <param name="events">The event engine's limits; the defaults when null.</param>
    public FunnelDatabase(string connectionString, EventEngineOptions? events = null)
        : this(DatabaseProvider.Sqlite, connectionString, null, events)
    {
    }

    /// <summary>Creates the database handle for <paramref name="connectionString"/> on <paramref name="provider"/>.</summary>
    /// <param name="provider">The engine of the application data.</param>
    /// <param name="connectionString">Its connection string.</param>
    /// <param name="dataFolder">
    /// The folder of the files kept beside the database (the events file, uploads waiting to be imported); by default the
    /// SQLite file's folder, or the temp folder for an in-memory database. Required for PostgreSQL.
    /// </param>
    /// <param name="events">The event engine's limits; the defaults when null.</param>
    public FunnelDatabase(DatabaseProvider provider, string connectionString, string? dataFolder, EventEngineOptions? events = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
        ConnectionString = provider.Normalize(connectionString);
        var file = provider.FilePath(ConnectionString);
        _dataFolder = dataFolder is { Length: > 0 } folder ? Path.GetFullPath(folder)
            : file is not null ? Path.GetDirectoryName(file)!
            : !provider.IsServer ? Path.Combine(Path.GetTempPath(), "FunnelInsight")
            : throw new ArgumentException("A database on a server needs a data folder for the files kept beside it.", nameof(dataFolder));
        EventOptions = events ?? new EventEngineOptions();
        Events = EventOptions.ClickHouse is { } clickHouse
            ? new ClickHouseEventStore(this, new ClickHouseEventsDatabase(new ClickHouseConnection(clickHouse), EventOptions.ClickHouseShards))
            : new DuckDbEventStore(this, new DuckDbFile(EventsPath, EventOptions));
    }

    /// <summary>The engine of the application data.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The event engine's limits.</summary>
    public EventEngineOptions EventOptions { get; }

    /// <summary>
    /// The DuckDB events file, in the data folder and named after the database (<c>shop.db</c> → <c>shop.events.duckdb</c>,
    /// PostgreSQL database <c>shop</c> → <c>shop.events.duckdb</c>); <c>memory.events.duckdb</c> in the temp folder for an
    /// in-memory database.
    /// </summary>
    public string EventsPath => Path.Combine(_dataFolder, Provider.DatabaseName(ConnectionString) + ".events.duckdb");

    /// <summary>Where this instance's events and session rollups are stored.</summary>
    internal IEventStore Events { get; }

    /// <summary>The connection string in use, with the settings FunnelInsight relies on.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The folder for files kept beside the database (uploads waiting to be imported): <c>files/</c> in the data folder
    /// (next to the SQLite file by default). Never inside the web root.
    /// </summary>
    public string FilesFolder => Path.Combine(_dataFolder, "files");

    /// <summary>The folder of one store's files; deleting the store deletes it.</summary>
    public string StoreFilesFolder(int storeId) => Path.Combine(FilesFolder, "store-" + storeId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>EF Core options for a <see cref="FunnelDbContext"/> on this database.</summary>
    public DbContextOptions<FunnelDbContext> ContextOptions() =>
        (DbContextOptions<FunnelDbContext>)Provider.Use(new DbContextOptionsBuilder<FunnelDbContext>(), ConnectionString).Options;

    /// <summary>A new context; dispose it when the operation ends.</summary>
    public FunnelDbContext CreateContext() => Provider.CreateContext(ContextOptions());

    /// <summary>A new context on an open <paramref name="connection"/> (to share its transaction); the caller keeps the connection.</summary>
    public FunnelDbContext CreateContext(DbConnection connection) =>
        Provider.CreateContext(Provider.Use(new DbContextOptionsBuilder<FunnelDbContext>(), connection).Options);

    /// <summary>Begins the write transaction that imports and deletions take in turn (see <see cref="DatabaseProvider"/>).</summary>
    internal DbTransaction BeginWrite(DbConnection connection, Action? waiting, CancellationToken cancellationToken) =>
        Provider.BeginWrite(connection, waiting, cancellationToken);

    /// <summary>
    /// Prepares the database (SQLite: the file's folder, WAL), applies pending migrations and what they leave to the event
    /// store (see <see cref="IEventStore.UpgradeAsync"/>). A database of the previous layout has its events moved into
    /// the event store (<see cref="IEventStore.MovePreviousLayoutAsync"/>) before the migration that drops their tables.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(null, cancellationToken);

    /// <inheritdoc cref="MigrateAsync(CancellationToken)"/>
    /// <param name="logger">Told what the upgrade does beyond the migrations (a long step on a large old database).</param>
    /// <param name="cancellationToken">Stops the migrations.</param>
    public async Task MigrateAsync(ILogger? logger, CancellationToken cancellationToken = default)
    {
        await Provider.PrepareAsync(ConnectionString, cancellationToken);

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

    /// <summary>An open connection tuned for bulk work (SQLite: WAL, relaxed sync, large cache, temp data on disk).</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => Provider.OpenAsync(ConnectionString, cancellationToken);
}
