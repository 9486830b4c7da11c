using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>
/// The engine holding the application data: SQLite (a file, the default) or PostgreSQL (a server, for instances that
/// share it). Everything that differs between the two is here and in its two implementations; the rest of FunnelInsight
/// uses <see cref="DbConnection"/>, <see cref="DbCommand"/> and SQL that both engines read alike (unquoted names, which
/// the PostgreSQL model keeps in lower case, and <c>@name</c> parameters).
/// </summary>
public abstract class DatabaseProvider
{
    /// <summary>SQLite through Microsoft.Data.Sqlite.</summary>
    public static DatabaseProvider Sqlite { get; } = new SqliteProvider();

    /// <summary>PostgreSQL through Npgsql.</summary>
    public static DatabaseProvider Postgres { get; } = new PostgresProvider();

    /// <summary>The provider named <paramref name="name"/> (<c>sqlite</c> or <c>postgres</c>, any case).</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static DatabaseProvider Named(string name) => name.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => Sqlite,
        "POSTGRES" or "POSTGRESQL" => Postgres,
        _ => throw new ArgumentException($"Unknown database provider '{name}' (Database:Provider): use sqlite or postgres.", nameof(name)),
    };

    /// <summary>The provider of an open <paramref name="connection"/>.</summary>
    internal static DatabaseProvider Of(DbConnection connection) => connection is Npgsql.NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>The provider's configuration name: <c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the database is a server shared by several instances (PostgreSQL), rather than a local file.</summary>
    public abstract bool IsServer { get; }

    /// <summary>
    /// Whether uploads are imported as shared jobs (the <c>ImportJobs</c> table, which any instance on the database may
    /// claim) rather than from one process's own queue.
    /// </summary>
    public bool SharesImportJobs => IsServer;

    /// <summary>
    /// The configured connection string made definite: for SQLite an empty one is <paramref name="defaultFile"/> and a
    /// relative file is made absolute (the working folder may change); a server's is kept as it is.
    /// </summary>
    public abstract string Resolve(string? configured, string defaultFile);

    /// <summary>Configures <paramref name="builder"/> for the database at <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The options of the context.</param>
    /// <param name="connectionString">The connection string as <see cref="Normalize"/> returns it.</param>
    /// <param name="migrationsHistoryTable">The context's own migration history table; EF Core's default when null.</param>
    public abstract DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString, string? migrationsHistoryTable = null);

    /// <summary>Configures <paramref name="builder"/> for an open <paramref name="connection"/> (to share its transaction).</summary>
    internal abstract DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, DbConnection connection);

    /// <summary>The connection string with the settings FunnelInsight relies on (SQLite: foreign keys and a busy timeout).</summary>
    internal abstract string Normalize(string connectionString);

    /// <summary>A short name of the database (SQLite: the file's name without extension; PostgreSQL: the database).</summary>
    internal abstract string DatabaseName(string connectionString);

    /// <summary>The database file, for SQLite; null for a server or an in-memory database.</summary>
    internal abstract string? FilePath(string connectionString);

    /// <summary>A context of the application model on <paramref name="options"/> (each provider has its own migrations and compiled model).</summary>
    internal abstract FunnelDbContext CreateContext(DbContextOptions options);

    /// <summary>Opens a connection tuned for bulk work.</summary>
    internal abstract Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>Prepares the database before its migrations (SQLite: the folder, page size and WAL).</summary>
    internal abstract Task PrepareAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a write transaction that is the only one of its kind at a time (imports, deletions), waiting for the one
    /// that holds the turn as long as it takes, calling <paramref name="waiting"/> once if it has to wait.
    /// </summary>
    internal abstract DbTransaction BeginWrite(DbConnection connection, Action? waiting, CancellationToken cancellationToken);

    /// <summary>Makes statements on <paramref name="connection"/> give up after <paramref name="wait"/> when another writer holds what they need.</summary>
    internal abstract void LimitWait(DbConnection connection, TimeSpan wait);

    /// <summary>Whether <paramref name="exception"/> says another writer held the database past the wait.</summary>
    internal abstract bool IsBusy(Exception exception);

    /// <summary>Whether <paramref name="exception"/> is a unique (or other) constraint the write broke.</summary>
    internal abstract bool IsConstraintViolation(Exception? exception);

    /// <summary>Drops the pooled connections (a test removing its database folder).</summary>
    public abstract void ClearPools();
}
