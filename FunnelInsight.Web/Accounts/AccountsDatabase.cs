using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Accounts;

/// <summary>Opens and migrates the accounts tables in the FunnelInsight database.</summary>
public static class AccountsDatabase
{
    /// <summary>Configures <paramref name="builder"/> for the accounts tables of <paramref name="database"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, FunnelDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider.Use(builder, database.ConnectionString, AccountsDbContext.MigrationsHistoryTable);
    }

    /// <summary>Options for a context on the accounts tables of <paramref name="database"/>.</summary>
    public static DbContextOptions<AccountsDbContext> Options(FunnelDatabase database) =>
        (DbContextOptions<AccountsDbContext>)Configure(new DbContextOptionsBuilder<AccountsDbContext>(), database).Options;

    /// <summary>A context on the accounts tables of <paramref name="database"/>, of its provider's type; dispose it.</summary>
    public static AccountsDbContext CreateContext(FunnelDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider.IsServer ? new PostgresAccountsDbContext(Options(database)) : new AccountsDbContext(Options(database));
    }

    /// <summary>Registers the accounts context of <paramref name="database"/>'s provider as <see cref="AccountsDbContext"/>.</summary>
    public static IServiceCollection AddAccountsContext(this IServiceCollection services, FunnelDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider.IsServer
            ? services.AddDbContext<AccountsDbContext, PostgresAccountsDbContext>(options => Configure(options, database))
            : services.AddDbContext<AccountsDbContext>(options => Configure(options, database));
    }

    /// <summary>Applies pending accounts migrations (run after the store database's own migrations, which create the file).</summary>
    public static async Task MigrateAsync(FunnelDatabase database, CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext(database);
        await FunnelDatabase.MigrateIfPendingAsync(context, cancellationToken);
    }
}
