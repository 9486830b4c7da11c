using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Tests.Web.Components.Account;

/// <summary>
/// A copy of the auth cookie taken while signed in (another tab, another machine, a stolen copy) stops working when
/// the account signs out, changes its password or is removed.
/// </summary>
public abstract class SessionEndTests(AccountsApp app)
{
    [ProviderFact]
    public async Task Signing_out_ends_a_copy_of_the_cookie_taken_before()
    {
        var (client, copy) = await SignedInWithCopyAsync("signout-copy@shops.test");
        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));
        using var form = TestAccounts.SignOutForm(home);

        using var signOut = await client.PostAsync(new Uri("account/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await AssertRefusedAsync(copy);
        client.Dispose();
    }

    [ProviderFact]
    public async Task A_password_change_ends_a_session_signed_in_before_it()
    {
        var (client, copy) = await SignedInWithCopyAsync("password-copy@shops.test");

        await TestAccounts.ChangeUserAsync(app.Db.Database, "password-copy@shops.test",
            (users, user) => users.ChangePasswordAsync(user, TestAccounts.Password, "a brand new passphrase"));

        await AssertRefusedAsync(copy);
        await AssertRefusedAsync(client);
    }

    [ProviderFact]
    public async Task A_removed_account_ends_its_sessions()
    {
        var (client, copy) = await SignedInWithCopyAsync("removed-copy@shops.test");

        await TestAccounts.ChangeUserAsync(app.Db.Database, "removed-copy@shops.test", (users, user) => users.DeleteAsync(user));

        await AssertRefusedAsync(copy);
        await AssertRefusedAsync(client);
    }

    // Signs a new analyst of Alpha in; the signed-in client and a second client sending only a copy of its auth cookie,
    // which downloads the funnel report.
    private async Task<(HttpClient Client, HttpClient Copy)> SignedInWithCopyAsync(string email)
    {
        var userId = await TestAccounts.CreateUserAsync(app.Db, email);
        await new StoreMemberships(app.Db.Database).SetAsync(app.AlphaId, userId, StoreRole.Analyst);
        var client = app.App.Client();
        using var signIn = await TestAccounts.SignInAsync(client, email);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("FunnelInsight.Auth=", StringComparison.Ordinal)).Split(';')[0];

        var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.App.Address };
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using var before = await copy.GetAsync(Report());
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        return (client, copy);
    }

    private async Task AssertRefusedAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Report());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        client.Dispose();
    }

    private Uri Report() => new($"stores/{app.AlphaId}/reports/funnel.json", UriKind.Relative);
}

/// <summary>The tests of <see cref="SessionEndTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class SessionEndTestsOnSqlite(AccountsApp app) : SessionEndTests(app);

/// <summary>The tests of <see cref="SessionEndTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class SessionEndTestsOnPostgres(PostgresAccountsApp app) : SessionEndTests(app), IRunsOnPostgres;
