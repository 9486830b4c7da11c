namespace FunnelInsight.Tests.Core.Accounts;

public abstract class StoreMembershipsTests : DatabaseProviderTests
{
    [ProviderFact]
    public async Task A_user_sees_only_the_stores_they_belong_to_with_their_role_in_each()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var alpha = await db.Stores.GetOrCreateAsync("Alpha");
        var beta = await db.Stores.GetOrCreateAsync("Beta");
        await db.Stores.GetOrCreateAsync("Gamma");
        var memberships = new StoreMemberships(db.Database);
        await memberships.SetAsync(beta.Id, "user-1", StoreRole.Marketer);
        await memberships.SetAsync(alpha.Id, "user-1", StoreRole.Owner);
        await memberships.SetAsync(alpha.Id, "user-2", StoreRole.Analyst);

        var stores = await memberships.StoresOfAsync("user-1");

        Assert.Equal(["Alpha:Owner", "Beta:Marketer"], stores.Select(s => $"{s.StoreName}:{s.Role}"));
        Assert.Null(await memberships.FindAsync("user-2", beta.Id));
        Assert.Equal(StoreRole.Analyst, (await memberships.FindAsync("user-2", alpha.Id))?.Role);
    }

    [ProviderFact]
    public async Task Setting_a_membership_again_changes_the_role_instead_of_adding_a_second_one()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Alpha");
        var memberships = new StoreMemberships(db.Database);
        await memberships.SetAsync(store.Id, "user-1", StoreRole.Marketer);
        await memberships.SetAsync(store.Id, "user-1", StoreRole.Analyst);

        var members = await memberships.MembersOfAsync(store.Id);

        Assert.Equal(StoreRole.Analyst, Assert.Single(members).Role);
    }

    [ProviderFact]
    public async Task Removing_a_member_ends_their_access_and_reports_whether_there_was_one()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var store = await db.Stores.GetOrCreateAsync("Alpha");
        var memberships = new StoreMemberships(db.Database);
        await memberships.SetAsync(store.Id, "user-1", StoreRole.Owner);

        Assert.True(await memberships.RemoveAsync(store.Id, "user-1"));
        Assert.False(await memberships.RemoveAsync(store.Id, "user-1"));
        Assert.Null(await memberships.FindAsync("user-1", store.Id));
    }

    [ProviderFact]
    public async Task A_membership_of_a_store_that_does_not_exist_is_refused()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new StoreMemberships(db.Database).SetAsync(42, "user-1", StoreRole.Owner));

        Assert.StartsWith("Store 42 does not exist.", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>The tests of <see cref="StoreMembershipsTests"/> on SQLite.</summary>
public sealed class StoreMembershipsTestsOnSqlite : StoreMembershipsTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="StoreMembershipsTests"/> on PostgreSQL.</summary>
public sealed class StoreMembershipsTestsOnPostgres : StoreMembershipsTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
