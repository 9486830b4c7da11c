using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>The application data in a SQLite file (the default): one writer at a time, WAL, 16 KiB pages.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    private const int Busy = 5;
    private const int Constraint = 19;

    public override string Name => "sqlite";

    public override bool IsServer => false;

    public override DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString, string? migrationsHistoryTable = null) =>
        builder.UseSqlite(connectionString, sqlite =>
        {
            if (migrationsHistoryTable is not null)
            {
                sqlite.MigrationsHistoryTable(migrationsHistoryTable);
            }
        });

    internal override DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, DbConnection connection) => builder.UseSqlite(connection);

    public override string Resolve(string? configured, string defaultFile)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "");
        builder.DataSource = string.IsNullOrEmpty(builder.DataSource) ? defaultFile
            : builder.DataSource == ":memory:" ? builder.DataSource
            : Path.GetFullPath(builder.DataSource);
        return builder.ToString();
    }

    internal override string Normalize(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 60 }.ToString();

    internal override string DatabaseName(string connectionString) =>
        FilePath(connectionString) is { } path ? Path.GetFileNameWithoutExtension(path) : "memory";

    internal override string? FilePath(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource is var source && source != ":memory:" && source.Length > 0
            ? Path.GetFullPath(source)
            : null;

    internal override FunnelDbContext CreateContext(DbContextOptions options) => new(options);

    internal override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=FILE;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    internal override async Task PrepareAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (FilePath(connectionString) is { } path && Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(connectionString, cancellationToken);
        // A new file takes the page size before its first write (switching to WAL is one); an existing file keeps its own.
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA page_size={FunnelDatabase.PageSize}; PRAGMA journal_mode=WAL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override DbTransaction BeginWrite(DbConnection connection, Action? waiting, CancellationToken cancellationToken) =>
        SqliteWriteTurn.Begin((SqliteConnection)connection, waiting, cancellationToken);

    internal override void LimitWait(DbConnection connection, TimeSpan wait) =>
        ((SqliteConnection)connection).DefaultTimeout = Math.Max(1, (int)wait.TotalSeconds);

    internal override bool IsBusy(Exception exception) => exception is SqliteException { SqliteErrorCode: Busy };

    internal override bool IsConstraintViolation(Exception? exception) => exception is SqliteException { SqliteErrorCode: Constraint };

    public override void ClearPools() => SqliteConnection.ClearAllPools();
}
