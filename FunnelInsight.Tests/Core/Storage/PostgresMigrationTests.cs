using FunnelInsight.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Tests.Core.Storage;

// PostgreSQL has a migration set of its own for each context: a fresh database must end up exactly at the model.
public class PostgresMigrationTests
{
    [PostgresFact]
    public async Task A_fresh_postgres_database_migrates_to_the_model_of_both_contexts_with_nothing_pending()
    {
        await using var db = await TempDatabase.CreateAsync(DatabaseProvider.Postgres);
        await AccountsDatabase.MigrateAsync(db.Database);

        await using (var context = db.Database.CreateContext())
        {
            Assert.IsType<PostgresFunnelDbContext>(context);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
            Assert.False(context.Database.HasPendingModelChanges(), "The PostgreSQL migrations of FunnelDbContext lag behind its model: add one with the migration tool.");
        }

        await using (var accounts = AccountsDatabase.CreateContext(db.Database))
        {
            Assert.IsType<PostgresAccountsDbContext>(accounts);
            Assert.Empty(await accounts.Database.GetPendingMigrationsAsync());
            Assert.False(accounts.Database.HasPendingModelChanges(), "The PostgreSQL migrations of AccountsDbContext lag behind its model: add one with the migration tool.");
        }

        // The raw SQL names tables and columns unquoted: PostgreSQL must hold them in lower case.
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM Stores WHERE OwnerId = '' AND DataVersion >= 0"));
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM ImportRowErrors WHERE \"column\" IS NULL"));
    }

    [PostgresFact]
    public async Task Migrating_a_postgres_database_again_applies_nothing_and_keeps_its_rows()
    {
        await using var db = await TempDatabase.CreateAsync(DatabaseProvider.Postgres);
        var store = await db.Stores.GetOrCreateAsync("Kept");

        await db.Database.MigrateAsync();

        Assert.Equal(store.Id, (await db.Stores.GetOrCreateAsync("Kept")).Id);
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM Stores"));
    }

    [PostgresFact]
    public async Task Saved_funnel_names_are_unique_without_case_on_postgres_as_on_sqlite()
    {
        await using var db = await TempDatabase.CreateAsync(DatabaseProvider.Postgres);
        var store = await db.Stores.GetOrCreateAsync("Shop");
        await db.ExecuteAsync($"INSERT INTO SavedFunnels (StoreId, Name, Steps, SavedUtc) VALUES ({store.Id}, 'Checkout path', 'cart > purchase', now())");

        var duplicate = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.ExecuteAsync($"INSERT INTO SavedFunnels (StoreId, Name, Steps, SavedUtc) VALUES ({store.Id}, 'CHECKOUT PATH', 'cart > purchase', now())"));
        Assert.Contains("unique", duplicate.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM SavedFunnels WHERE Name = 'checkout PATH'"));
    }
}
