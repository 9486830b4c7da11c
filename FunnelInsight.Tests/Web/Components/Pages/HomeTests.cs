using Bunit;
using Bunit.TestDoubles;
using FunnelInsight.Core.Stores;
using FunnelInsight.Tests.Support;
using FunnelInsight.Web.Components.Pages;
using FunnelInsight.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelInsight.Tests.Web.Components.Pages;

public sealed class HomeTests : DashboardComponentContext, IAsyncLifetime
{
    private TempDatabase _temp = null!;

    public async Task InitializeAsync()
    {
        _temp = await TempDatabase.CreateAsync();
        Services.AddSingleton(_temp.Database);
        Services.AddSingleton<StoreCatalog>();
        Services.AddSingleton<IStoreAccess, AllStoresAccess>();
        AddAuthorization();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _temp.DisposeAsync();
    }

    [Fact]
    public void With_no_store_the_home_page_offers_to_create_one()
    {
        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Contains("You have no store yet.", home.Markup, StringComparison.Ordinal));
        Assert.Single(home.FindAll("input"));
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task With_stores_the_home_page_opens_the_first_store_by_name()
    {
        var zeta = await _temp.Stores.GetOrCreateAsync("Zeta shop");
        var alpha = await _temp.Stores.GetOrCreateAsync("Alpha shop");
        Assert.NotEqual(zeta.Id, alpha.Id);

        var home = Render<Home>();

        var navigation = Services.GetRequiredService<NavigationManager>();
        home.WaitForAssertion(() => Assert.Equal($"http://localhost/stores/{alpha.Id}/overview", navigation.Uri));
    }

    [Fact]
    public async Task Creating_a_store_from_the_empty_state_opens_its_imports_page()
    {
        var home = Render<Home>();
        home.WaitForAssertion(() => Assert.Single(home.FindAll("input")));

        home.Find("input").Change("Riyadh shop");
        await home.Find("form").SubmitAsync();

        var store = await _temp.Stores.FindAsync("Riyadh shop");
        Assert.NotNull(store);
        Assert.Equal($"http://localhost/stores/{store.Id}/imports", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
