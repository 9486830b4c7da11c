using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// A SQLite application database of an earlier layout, for the tests of an upgrade: migrated only up to a named
/// migration, given rows as the code of that time wrote them, then upgraded by the test. In a folder of its own that
/// goes when the test ends.
/// </summary>
public sealed class OldDatabase : IDisposable
{
    /// <summary>Makes the folder; the database file in it is created by the first migration.</summary>
    public OldDatabase()
    {
        Directory.CreateDirectory(Folder);
        Database = new FunnelDatabase($"Data Source={Path.Combine(Folder, "old.db")}");
    }

    /// <summary>The test's own folder (the database file is <c>old.db</c> in it).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The database, at no migration until <see cref="MigrateToAsync(string)"/>.</summary>
    public FunnelDatabase Database { get; }

    /// <summary>Migrates <see cref="Database"/> up to <paramref name="migration"/> (its full id, for example <c>20261125082456_Accounts</c>).</summary>
    public Task MigrateToAsync(string migration) => MigrateToAsync(Database, migration);

    /// <summary>Migrates <paramref name="database"/> up to <paramref name="migration"/> and no further.</summary>
    public static async Task MigrateToAsync(FunnelDatabase database, string migration)
    {
        await using var context = database.CreateContext();
        await context.GetService<IMigrator>().MigrateAsync(migration);
    }

    /// <summary>Runs <paramref name="sql"/> (statements of the old layout) on <see cref="Database"/>.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(Database, sql);

    /// <summary>Runs <paramref name="sql"/> on <paramref name="database"/>.</summary>
    public static async Task ExecuteAsync(FunnelDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A pooled connection would keep the file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
