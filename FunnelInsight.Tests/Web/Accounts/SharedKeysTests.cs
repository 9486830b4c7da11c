namespace FunnelInsight.Tests.Web.Accounts;

// Two dashboard instances on one PostgreSQL database read each other's sign-in cookies: the data-protection keys are in
// the database. Each instance gets a home folder of its own, so keys kept in files could not be what they share.
public sealed class SharedKeysTests
{
    [PostgresFact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_another_instance_on_the_same_postgres_database()
    {
        await using var db = await TempDatabase.CreateAsync(DatabaseProvider.Postgres);
        var store = await db.Stores.GetOrCreateAsync("Shared");
        var owner = await TestAccounts.CreateUserAsync(db, "owner@shared.test");
        await new StoreMemberships(db.Database).SetAsync(store.Id, owner, StoreRole.Owner);
        await using var first = await TestApp.StartAsync(db, Home(db, "first"));
        await using var second = await TestApp.StartAsync(db, Home(db, "second"));

        // Cookies belong to the host, not the port: one container serves both instances, as a browser behind a balancer.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true };
        using var toFirst = new HttpClient(handler, disposeHandler: false) { BaseAddress = first.Address };
        using var toSecond = new HttpClient(handler, disposeHandler: false) { BaseAddress = second.Address };
        using (var anonymous = await toSecond.GetAsync(new Uri($"stores/{store.Id}/members", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        using (var signIn = await TestAccounts.SignInAsync(toFirst, "owner@shared.test"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var page = await toSecond.GetAsync(new Uri($"stores/{store.Id}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("owner@shared.test", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await db.CountAsync("SELECT COUNT(*) FROM DataProtectionKeys") >= 1);
    }

    private static Dictionary<string, string> Home(TempDatabase db, string name)
    {
        var home = Path.Combine(db.Folder, "home-" + name);
        Directory.CreateDirectory(home);
        return new Dictionary<string, string> { ["HOME"] = home };
    }
}
