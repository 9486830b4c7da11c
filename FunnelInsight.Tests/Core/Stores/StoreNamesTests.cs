namespace FunnelInsight.Tests.Core.Stores;

/// <summary>Store names are unique per owner, not across the installation.</summary>
public sealed class StoreNamesTests
{
    [Fact]
    public async Task Two_owners_each_create_a_store_of_the_same_name()
    {
        await using var db = await TempDatabase.CreateAsync();

        var first = await db.Stores.CreateAsync("Main store", "owner-a");
        var second = await db.Stores.CreateAsync("Main store", "owner-b");

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([first.Id, second.Id], (await db.Stores.FindAllAsync("Main store")).Select(s => s.Id));
        Assert.Equal(second.Id, (await db.Stores.FindOwnedAsync("Main store", "owner-b"))?.Id);
        Assert.Null(await db.Stores.FindAsync("Main store"));
    }

    [Fact]
    public async Task Creating_a_store_of_a_name_the_owner_already_has_is_refused_and_creates_nothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var first = await db.Stores.CreateAsync("Main store", "owner-a");

        var again = await db.Stores.CreateAsync(" Main store ", "owner-a");

        Assert.Null(again);
        Assert.Equal(first!.Id, Assert.Single(await db.Stores.ListAsync()).Id);
    }

    [Fact]
    public async Task Get_or_create_finds_the_owners_own_store_and_not_another_owners()
    {
        await using var db = await TempDatabase.CreateAsync();
        var theirs = await db.Stores.GetOrCreateAsync("Main store", "owner-a");

        var mine = await db.Stores.GetOrCreateAsync("Main store", "owner-b");
        var mineAgain = await db.Stores.GetOrCreateAsync("Main store", "owner-b");
        var operators = await db.Stores.GetOrCreateAsync("Main store");

        Assert.Equal(3, new[] { theirs.Id, mine.Id, operators.Id }.Distinct().Count());
        Assert.Equal(mine.Id, mineAgain.Id);
        Assert.Equal("", operators.OwnerId);
    }
}
