namespace FunnelInsight.Tests.Core.Stores;

public class SavedViewsTests
{
    [Fact]
    public async Task Views_are_kept_per_store_by_name_without_case_and_open_their_page_with_their_query()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var other = await temp.Stores.GetOrCreateAsync("other");
        var views = new SavedViews(temp.Database);

        var mobile = await views.SaveAsync(shop.Id, " Mobile ads ", "funnel", "?device=mobile&channel=ads", "ann");
        Assert.Null(mobile.Problem);
        Assert.Null((await views.SaveAsync(shop.Id, "all time leaks", "leaks", "from=2024-01-01&to=2024-12-31", "bob")).Problem);
        Assert.Null((await views.SaveAsync(other.Id, "mobile ads", "overview", "", "ann")).Problem);

        var listed = await views.ListAsync(shop.Id);
        Assert.Equal(["all time leaks", "Mobile ads"], listed.Select(v => v.Name));
        Assert.Equal($"/stores/{shop.Id}/leaks?from=2024-01-01&to=2024-12-31", listed[0].Link(shop.Id));
        Assert.Equal($"/stores/{shop.Id}/funnel?device=mobile&channel=ads", listed[1].Link(shop.Id));
        Assert.Equal(("ann", "funnel"), (listed[1].SavedBy, listed[1].Page));
        Assert.Equal($"/stores/{other.Id}/overview", Assert.Single(await views.ListAsync(other.Id)).Link(other.Id));
    }

    [Fact]
    public async Task A_taken_name_is_replaced_only_when_asked_and_by_whoever_saved_it_or_an_owner()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var views = new SavedViews(temp.Database);
        var saved = (await views.SaveAsync(shop.Id, "Weekly", "funnel", "?trend=weekly", "ann")).View!;

        var again = await views.SaveAsync(shop.Id, "WEEKLY", "funnel", "?trend=daily", "ann");
        Assert.Equal(SavedViewProblem.Taken, again.Problem);
        Assert.Equal(saved.Id, again.Existing!.Id);
        Assert.Equal(SavedViewProblem.Taken, (await views.SaveAsync(shop.Id, "weekly", "funnel", "?trend=daily", "bob", replace: true)).Problem);
        Assert.Null((await views.SaveAsync(shop.Id, "weekly", "funnel", "?trend=daily", "ann", replace: true)).Problem);
        Assert.Null((await views.SaveAsync(shop.Id, "weekly", "leaks", "", "owner", replace: true, mayReplaceAny: true)).Problem);

        var only = Assert.Single(await views.ListAsync(shop.Id));
        Assert.Equal(("weekly", "leaks", "", "owner"), (only.Name, only.Page, only.Query, only.SavedBy));
    }

    [Fact]
    public async Task A_view_is_deleted_by_whoever_saved_it_or_an_owner_and_by_no_one_else()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var other = await temp.Stores.GetOrCreateAsync("other");
        var views = new SavedViews(temp.Database);
        var ann = (await views.SaveAsync(shop.Id, "Ann's", "funnel", "?device=mobile", "ann")).View!;
        var bob = (await views.SaveAsync(shop.Id, "Bob's", "funnel", "?device=desktop", "bob")).View!;

        Assert.False(await views.DeleteAsync(shop.Id, ann.Id, "bob", mayDeleteAny: false));
        Assert.False(await views.DeleteAsync(other.Id, ann.Id, "ann", mayDeleteAny: true)); // not that store's view
        Assert.True(await views.DeleteAsync(shop.Id, ann.Id, "ann", mayDeleteAny: false));
        Assert.True(await views.DeleteAsync(shop.Id, bob.Id, "owner", mayDeleteAny: true));
        Assert.False(await views.DeleteAsync(shop.Id, bob.Id, "owner", mayDeleteAny: true));
        Assert.Empty(await views.ListAsync(shop.Id));
    }

    [Theory]
    [InlineData("", "funnel", "", SavedViewProblem.Name)]
    [InlineData("x", "settings", "", SavedViewProblem.Page)]
    [InlineData("x", "../../account/tokens", "", SavedViewProblem.Page)]
    [InlineData("x", "funnel", "?a=1#top", SavedViewProblem.Query)]
    [InlineData("x", "funnel", "?a=\n1", SavedViewProblem.Query)]
    public async Task A_view_without_a_name_of_another_page_or_with_more_than_a_query_is_not_saved(string name, string page, string query, SavedViewProblem problem)
    {
        await using var temp = await TempDatabase.CreateAsync();
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var views = new SavedViews(temp.Database);

        Assert.Equal(problem, (await views.SaveAsync(shop.Id, name, page, query, "ann")).Problem);
        Assert.Equal(SavedViewProblem.Name, (await views.SaveAsync(shop.Id, new string('n', SavedViews.MaxNameLength + 1), "funnel", "", "ann")).Problem);
        Assert.Equal(SavedViewProblem.Query, (await views.SaveAsync(shop.Id, "long", "funnel", "?" + new string('q', SavedViews.MaxQueryLength), "ann")).Problem);
        Assert.Empty(await views.ListAsync(shop.Id));
    }

    [Fact]
    public async Task Deleting_the_store_deletes_its_views()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var shop = await temp.Stores.GetOrCreateAsync("shop");
        var views = new SavedViews(temp.Database);
        await views.SaveAsync(shop.Id, "v", "funnel", "", "ann");

        Assert.Equal(DeletionOutcome.Deleted, await temp.Stores.DeleteAsync(shop.Id));

        Assert.Empty(await views.ListAsync(shop.Id));
    }
}
