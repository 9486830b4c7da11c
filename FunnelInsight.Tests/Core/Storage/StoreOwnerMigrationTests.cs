using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Tests.Core.Storage;

public sealed class StoreOwnerMigrationTests
{
    [Fact]
    public async Task Upgrading_gives_each_store_its_first_owner_and_lets_another_owner_use_the_same_name()
    {
        using var old = new OldDatabase();
        var database = old.Database;
        await old.MigrateToAsync("20261201170150_ImportRepeats");
        await old.ExecuteAsync("""
            INSERT INTO Stores (Id, Name, TimeZone, SessionTimeoutMinutes, ConversionWindowHours, DataVersion, CreatedUtc) VALUES (1, 'Main store', 'UTC', 30, 168, 0, '2025-01-01');
            INSERT INTO Stores (Id, Name, TimeZone, SessionTimeoutMinutes, ConversionWindowHours, DataVersion, CreatedUtc) VALUES (2, 'Operator store', 'UTC', 30, 168, 0, '2025-01-01');
            INSERT INTO StoreMembers (StoreId, UserId, Role, AddedUtc) VALUES (1, 'analyst-1', 1, '2025-01-01');
            INSERT INTO StoreMembers (StoreId, UserId, Role, AddedUtc) VALUES (1, 'owner-2', 2, '2025-01-03');
            INSERT INTO StoreMembers (StoreId, UserId, Role, AddedUtc) VALUES (1, 'owner-1', 2, '2025-01-02');
            """);

        await database.MigrateAsync();

        var catalog = new StoreCatalog(database);
        Assert.Equal(1, (await catalog.FindOwnedAsync("Main store", "owner-1"))?.Id);
        Assert.Equal(2, (await catalog.FindOwnedAsync("Operator store", ""))?.Id);
        Assert.Null(await catalog.CreateAsync("Main store", "owner-1"));
        Assert.NotNull(await catalog.CreateAsync("Main store", "owner-3"));
        await using var check = database.CreateContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
    }
}
