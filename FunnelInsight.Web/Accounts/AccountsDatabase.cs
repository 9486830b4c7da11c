using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Accounts;

/// <summary>Opens and migrates the accounts tables in the FunnelInsight database file.</summary>
public static class AccountsDatabase
{
    /// <summary>Configures <paramref name="builder"/> for the accounts tables of <paramref name="database"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, FunnelDatabase database) =>
        builder.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable));

    /// <summary>Options for a context on the accounts tables of <paramref name="database"/>.</summary>
    public static DbContextOptions<AccountsDbContext> Options(FunnelDatabase database) =>
        (DbContextOptions<AccountsDbContext>)Configure(new DbContextOptionsBuilder<AccountsDbContext>(), database).Options;

    /// <summary>Applies pending accounts migrations (run after the store database's own migrations, which create the file).</summary>
    public static async Task MigrateAsync(FunnelDatabase database, CancellationToken cancellationToken = default)
    {
        await using var context = new AccountsDbContext(Options(database));
        await FunnelDatabase.MigrateIfPendingAsync(context, cancellationToken);
    }
}
