using FunnelInsight.Web.Components.Pages.Reports.Views;
using FunnelInsight.Web.Components.UI;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Views;

public sealed class SavedViewsBarTests : ReportComponentTest, IAsyncLifetime
{
    private TempDatabase _temp = null!;
    private SavedViews _views = null!;
    private StoreMemberships _memberships = null!;
    private string _userId = "";
    private int _storeId;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _temp = await TempDatabase.CreateAsync();
        _views = new SavedViews(_temp.Database);
        _memberships = new StoreMemberships(_temp.Database);
        _userId = await TestAccounts.CreateUserAsync(_temp, "views@shops.test");
        _storeId = (await _temp.Stores.GetOrCreateAsync("Views shop")).Id;
        Services.AddSingleton(_views);
        SignInMember(_temp.Database, _memberships, "views@shops.test", _userId);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _temp.DisposeAsync();
    }

    [Fact]
    public async Task A_marketer_saves_the_pages_link_and_may_delete_their_own_view_but_not_another_members()
    {
        await _memberships.SetAsync(_storeId, _userId, StoreRole.Marketer);
        await _views.SaveAsync(_storeId, "Owner's weekly", "funnel", "?trend=weekly", "someone-else");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/stores/{_storeId}/funnel/lost?stage=cart&device=mobile");
        var bar = Render();

        bar.WaitForAssertion(() => Assert.Single(bar.FindAll(".fi-saved-view-open")));
        Assert.Empty(bar.FindAll(".fi-saved-view-delete"));
        bar.Find(".fi-save-view").Click();
        bar.Find(".fi-view-name input").Input("Mobile carts");
        bar.Find(".fi-view-save").Click();

        bar.WaitForAssertion(() => Assert.Equal(["Mobile carts", "Owner's weekly"], bar.FindAll(".fi-saved-view-open").Select(a => a.TextContent)));
        Assert.Equal($"/stores/{_storeId}/funnel/lost?stage=cart&device=mobile", bar.FindAll(".fi-saved-view-open")[0].GetAttribute("href"));
        Assert.Equal(["Lost sessions", "Funnel"], bar.FindAll(".fi-saved-view-page").Select(s => s.TextContent));
        Assert.Equal("Delete the view Mobile carts", Assert.Single(bar.FindAll(".fi-saved-view-delete")).GetAttribute("aria-label"));

        // The other member's name is taken, and is not theirs to replace.
        bar.Find(".fi-save-view").Click();
        bar.Find(".fi-view-name input").Input("owner's WEEKLY");
        bar.Find(".fi-view-save").Click();
        bar.WaitForAssertion(() => Assert.Equal("The store already has a view of that name.", bar.Find(".fi-view-problem").TextContent.Trim()));
        Assert.Empty(bar.FindAll(".fi-view-replace"));

        bar.Find(".fi-saved-view-delete").Click();
        bar.WaitForAssertion(() => Assert.Equal(["Owner's weekly"], bar.FindAll(".fi-saved-view-open").Select(a => a.TextContent)));
    }

    [Fact]
    public async Task An_owner_may_replace_and_delete_any_view_of_the_store()
    {
        await _memberships.SetAsync(_storeId, _userId, StoreRole.Owner);
        await _views.SaveAsync(_storeId, "Weekly", "funnel", "?trend=weekly", "someone-else");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/stores/{_storeId}/leaks?country=SA");
        var bar = Render();

        bar.WaitForAssertion(() => Assert.Single(bar.FindAll(".fi-saved-view-delete")));
        bar.Find(".fi-save-view").Click();
        bar.Find(".fi-view-name input").Input("weekly");
        bar.Find(".fi-view-save").Click();
        bar.WaitForAssertion(() => bar.Find(".fi-view-replace").Click());

        bar.WaitForAssertion(() => Assert.Equal($"/stores/{_storeId}/leaks?country=SA", bar.Find(".fi-saved-view-open").GetAttribute("href")));
        Assert.Equal(("weekly", _userId), Assert.Single(await _views.ListAsync(_storeId)) is var view ? (view.Name, view.SavedBy) : default);
    }

    private IRenderedComponent<StoreScope> Render() => Render<StoreScope>(p => p
        .Add(s => s.StoreId, _storeId)
        .Add(s => s.ChildContent, (RenderFragment<StoreMembership>)(_ => builder =>
        {
            builder.OpenComponent<SavedViewsBar>(0);
            builder.AddAttribute(1, nameof(SavedViewsBar.StoreId), _storeId);
            builder.CloseComponent();
        })));
}
