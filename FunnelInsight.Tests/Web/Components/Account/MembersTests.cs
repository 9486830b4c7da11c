using System.Net;

using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Web.Components.Account;

public abstract class MembersTests(AccountsApp app)
{
    [ProviderFact]
    public async Task An_owner_sees_their_stores_members()
    {
        using var client = await app.SignedInAsync("owner");

        using var response = await client.GetAsync(new Uri($"stores/{app.AlphaId}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Members of Alpha Shop", html, StringComparison.Ordinal);
        Assert.Contains(AccountsApp.Email("marketer"), html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_owner_of_store_a_gets_404_for_store_bs_page_and_none_of_its_data()
    {
        using var client = await app.SignedInAsync("owner");

        using var response = await client.GetAsync(new Uri($"stores/{app.BravoId}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bravo", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountsApp.Email("bravo-owner"), html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_analyst_gets_404_for_the_members_page_of_their_own_store()
    {
        using var client = await app.SignedInAsync("analyst");

        using var response = await client.GetAsync(new Uri($"stores/{app.AlphaId}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(AccountsApp.Email("marketer"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The tests of <see cref="MembersTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class MembersTestsOnSqlite(AccountsApp app) : MembersTests(app);

/// <summary>The tests of <see cref="MembersTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class MembersTestsOnPostgres(PostgresAccountsApp app) : MembersTests(app), IRunsOnPostgres;
