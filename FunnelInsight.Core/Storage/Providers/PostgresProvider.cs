using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>
/// The application data on a PostgreSQL server, shared by every instance pointed at it. Writes that SQLite serialises
/// by its one write lock (imports, deletions) take turns here by a transaction-scoped advisory lock, so the two engines
/// behave alike and two imports never interleave their rows.
/// </summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    // The advisory lock key of the write turn ("FunI").
    private const long WriteTurnKey = 0x46756E49;
    private const int PollMilliseconds = 500;

    public override string Name => "postgres";

    public override bool IsServer => true;

    public override DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString, string? migrationsHistoryTable = null) =>
        builder.UseNpgsql(connectionString, npgsql =>
        {
            if (migrationsHistoryTable is not null)
            {
                npgsql.MigrationsHistoryTable(migrationsHistoryTable);
            }
        });

    internal override DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, DbConnection connection) => builder.UseNpgsql(connection);

    public override string Resolve(string? configured, string defaultFile) => configured ?? "";

    internal override string Normalize(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ArgumentException("The PostgreSQL connection string (ConnectionStrings:FunnelInsight) names no Database.", nameof(connectionString));
        }

        // The import repeats a few statements thousands of times: prepared once per connection.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 16;
        }

        return builder.ConnectionString;
    }

    internal override string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    internal override string? FilePath(string connectionString) => null;

    internal override FunnelDbContext CreateContext(DbContextOptions options) => new PostgresFunnelDbContext(options);

    internal override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal override Task PrepareAsync(string connectionString, CancellationToken cancellationToken) => Task.CompletedTask;

    internal override DbTransaction BeginWrite(DbConnection connection, Action? waiting, CancellationToken cancellationToken)
    {
        var transaction = connection.BeginTransaction();
        try
        {
            using var take = connection.Command(transaction, "SELECT pg_try_advisory_xact_lock(@key)");
            take.AddParameter("key", WriteTurnKey);
            var told = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (take.ExecuteScalar() is true)
                {
                    return transaction;
                }

                if (!told)
                {
                    told = true;
                    waiting?.Invoke();
                }

                cancellationToken.WaitHandle.WaitOne(PollMilliseconds);
            }
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    internal override void LimitWait(DbConnection connection, TimeSpan wait)
    {
        using var limit = connection.Command(null, $"SET lock_timeout = {Math.Max(1, (long)wait.TotalMilliseconds)}");
        limit.ExecuteNonQuery();
    }

    // 55P03 lock_not_available: lock_timeout passed.
    internal override bool IsBusy(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable };

    // Class 23: integrity constraint violations.
    internal override bool IsConstraintViolation(Exception? exception) => exception is PostgresException { SqlState: var state } && state.StartsWith("23", StringComparison.Ordinal);

    public override void ClearPools() => NpgsqlConnection.ClearAllPools();
}
