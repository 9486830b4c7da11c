using FunnelInsight.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelInsight.Tests.Web.Components.Pages;

public sealed class HomeTests : DashboardComponentContext, IAsyncLifetime
{
    private TempDatabase _temp = null!;
    private StoreMemberships _memberships = null!;
    private string _userId = "";

    public async Task InitializeAsync()
    {
        _temp = await TempDatabase.CreateAsync();
        _memberships = new StoreMemberships(_temp.Database);
        _userId = await TestAccounts.CreateUserAsync(_temp, "home@shops.test");
        Services.AddSingleton<StoreCatalog>();
        SignInMember(_temp.Database, _memberships, "home@shops.test", _userId);
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
    public async Task The_home_page_lists_only_the_stores_the_user_belongs_to_with_their_role()
    {
        var zeta = await _temp.Stores.GetOrCreateAsync("Zeta shop");
        var alpha = await _temp.Stores.GetOrCreateAsync("Alpha shop");
        await _temp.Stores.GetOrCreateAsync("Someone else's shop");
        await _memberships.SetAsync(zeta.Id, _userId, StoreRole.Analyst);
        await _memberships.SetAsync(alpha.Id, _userId, StoreRole.Owner);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal(2, home.FindAll("tbody tr").Count));
        var rows = home.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Take(2).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Alpha shop", "Owner"], rows[0]);
        Assert.Equal(["Zeta shop", "Analyst"], rows[1]);
        Assert.Equal($"/stores/{alpha.Id}/overview", home.Find("tbody tr a").GetAttribute("href"));
        Assert.DoesNotContain("Someone else", home.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_counts_and_their_headers_align_at_the_end_like_every_numeric_column()
    {
        var shop = await _temp.Stores.GetOrCreateAsync("Counted shop");
        await _memberships.SetAsync(shop.Id, _userId, StoreRole.Owner);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Single(home.FindAll("tbody tr")));
        var ends = (IEnumerable<AngleSharp.Dom.IElement> cells) => cells.Select(c => c.ClassList.Contains("text-end")).ToArray();
        // Store, role, events, sessions, orders, the members link: the three counts at the end, the words at the start.
        Assert.Equal([false, false, true, true, true, false], ends(home.FindAll("thead th")));
        Assert.Equal([false, false, true, true, true, false], ends(home.FindAll("tbody tr td")));
    }

    [Fact]
    public async Task Creating_a_store_makes_the_user_its_owner_and_opens_its_imports_page()
    {
        var home = Render<Home>();
        home.WaitForAssertion(() => Assert.Single(home.FindAll("input")));

        home.Find("input").Change("Riyadh shop");
        await home.Find("form").SubmitAsync();

        var store = await _temp.Stores.FindAsync("Riyadh shop");
        Assert.NotNull(store);
        Assert.Equal(StoreRole.Owner, (await _memberships.FindAsync(_userId, store.Id))?.Role);
        Assert.Equal($"http://localhost/stores/{store.Id}/imports", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Another_merchants_store_of_the_same_name_is_neither_in_the_way_nor_joined()
    {
        var theirs = await _temp.Stores.GetOrCreateAsync("Main shop", "another-merchant");
        var home = Render<Home>();
        home.WaitForAssertion(() => Assert.Single(home.FindAll("input")));

        home.Find("input").Change("Main shop");
        await home.Find("form").SubmitAsync();

        var mine = await _temp.Stores.FindOwnedAsync("Main shop", _userId);
        Assert.NotNull(mine);
        Assert.NotEqual(theirs.Id, mine.Id);
        Assert.Equal(StoreRole.Owner, (await _memberships.FindAsync(_userId, mine.Id))?.Role);
        Assert.Null(await _memberships.FindAsync(_userId, theirs.Id));
        Assert.Equal($"http://localhost/stores/{mine.Id}/imports", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_name_the_user_already_has_is_refused_and_creates_nothing()
    {
        var home = Render<Home>();
        home.WaitForAssertion(() => Assert.Single(home.FindAll("input")));
        home.Find("input").Change("My shop");
        await home.Find("form").SubmitAsync();
        var first = await _temp.Stores.FindOwnedAsync("My shop", _userId);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/");

        var again = Render<Home>();
        again.WaitForAssertion(() => Assert.Single(again.FindAll("input")));
        again.Find("input").Change(" My shop ");
        await again.Find("form").SubmitAsync();

        again.WaitForAssertion(() => Assert.Contains("You already have a store with this name.", again.Markup, StringComparison.Ordinal));
        Assert.NotNull(first);
        Assert.Equal(first.Id, Assert.Single(await _temp.Stores.FindAllAsync("My shop")).Id);
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
