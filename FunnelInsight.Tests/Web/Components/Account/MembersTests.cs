namespace FunnelInsight.Tests.Web.Components.Account;

public abstract class MembersTests(AccountsApp app)
{
    [ProviderFact]
    public async Task An_owner_sees_their_stores_members()
    {
        var (status, html) = await MembersPageAsync("owner", app.AlphaId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Members of Alpha Shop", html, StringComparison.Ordinal);
        Assert.Contains(AccountsApp.Email("marketer"), html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_owner_of_store_a_gets_404_for_store_bs_page_and_none_of_its_data()
    {
        var (status, html) = await MembersPageAsync("owner", app.BravoId);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Bravo", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountsApp.Email("bravo-owner"), html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_analyst_gets_404_for_the_members_page_of_their_own_store()
    {
        var (status, html) = await MembersPageAsync("analyst", app.AlphaId);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(AccountsApp.Email("marketer"), html, StringComparison.Ordinal);
    }

    // The members page of a store as the user signed in as sees it.
    private async Task<(HttpStatusCode Status, string Html)> MembersPageAsync(string user, int storeId)
    {
        using var client = await app.SignedInAsync(user);
        using var response = await client.GetAsync(new Uri($"stores/{storeId}/members", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The tests of <see cref="MembersTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class MembersTestsOnSqlite(AccountsApp app) : MembersTests(app);

/// <summary>The tests of <see cref="MembersTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class MembersTestsOnPostgres(PostgresAccountsApp app) : MembersTests(app), IRunsOnPostgres;
