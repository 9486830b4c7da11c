namespace FunnelInsight.Tests.Core.Stores;

public abstract class SavedFunnelsTests : DatabaseProviderTests
{
    private static FunnelDefinition Steps(string text) => FunnelDefinition.Parse(text).Definition!;

    [ProviderFact]
    public async Task Funnels_are_kept_per_store_under_names_unique_without_case_and_deleted_by_name()
    {
        await using var temp = await TempDatabase.CreateAsync(Provider);
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var other = await temp.Stores.GetOrCreateAsync("other");
        var funnels = new SavedFunnels(temp.Database);

        Assert.Null(await funnels.SaveAsync(shop.Id, " Checkout ", Steps("stage:cart,stage:purchase"), 24, replace: false));
        Assert.Null(await funnels.SaveAsync(shop.Id, "Browse", Steps("view_item_list,view_item"), null, replace: false));
        Assert.Null(await funnels.SaveAsync(other.Id, "checkout", Steps("a,b"), null, replace: false));
        Assert.Equal("The store already has a funnel called 'Checkout'.", await funnels.SaveAsync(shop.Id, "CHECKOUT", Steps("a,b"), null, replace: false));
        Assert.Null(await funnels.SaveAsync(shop.Id, "checkout", Steps("stage:cart,purchase"), 48, replace: true));

        var listed = await funnels.ListAsync(shop.Id);
        Assert.Equal(["Browse", "checkout"], listed.Select(f => f.Name));
        Assert.Equal(("stage:cart,purchase", 48), (listed[1].Steps.Text, listed[1].WindowHours));
        Assert.True(await funnels.DeleteAsync(shop.Id, "Browse"));
        Assert.False(await funnels.DeleteAsync(shop.Id, "Browse"));
        Assert.Equal(["checkout"], (await funnels.ListAsync(shop.Id)).Select(f => f.Name));
        Assert.Equal(["checkout"], (await funnels.ListAsync(other.Id)).Select(f => f.Name));
    }

    [ProviderTheory]
    [InlineData("", 24, "A saved funnel needs a name of 1 to 100 characters.")]
    [InlineData("ok", 0, "The window is 1 to 8760 hours.")]
    public async Task A_funnel_without_a_name_or_with_a_window_out_of_range_is_not_saved(string name, int window, string reason)
    {
        await using var temp = await TempDatabase.CreateAsync(Provider);
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var funnels = new SavedFunnels(temp.Database);

        Assert.Equal(reason, await funnels.SaveAsync(shop.Id, name, Steps("a,b"), window, replace: false));
        Assert.Empty(await funnels.ListAsync(shop.Id));
    }
}

/// <summary>The tests of <see cref="SavedFunnelsTests"/> on SQLite.</summary>
public sealed class SavedFunnelsTestsOnSqlite : SavedFunnelsTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="SavedFunnelsTests"/> on PostgreSQL.</summary>
public sealed class SavedFunnelsTestsOnPostgres : SavedFunnelsTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
