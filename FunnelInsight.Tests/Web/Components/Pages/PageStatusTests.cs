namespace FunnelInsight.Tests.Web.Components.Pages;

/// <summary>The store pages answer with the statuses the README states: 404 for a non-member, 403 for too low a role.</summary>
public abstract class PageStatusTests(AccountsApp app)
{
    [ProviderTheory]
    [InlineData("overview")]
    [InlineData("funnel")]
    [InlineData("leaks")]
    [InlineData("abandoned")]
    [InlineData("customers")]
    [InlineData("imports")]
    [InlineData("settings")]
    [InlineData("members")]
    public async Task A_store_page_of_a_store_the_user_is_not_a_member_of_is_404_and_shows_nothing_of_it(string page)
    {
        using var client = await app.SignedInAsync("analyst");

        using var response = await client.GetAsync(new Uri($"stores/{app.BravoId}/{page}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Bravo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_marketer_on_the_settings_page_gets_403()
    {
        using var client = await app.SignedInAsync("marketer");

        using var settings = await client.GetAsync(new Uri($"stores/{app.AlphaId}/settings", UriKind.Relative));
        using var overview = await client.GetAsync(new Uri($"stores/{app.AlphaId}/overview", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (settings.StatusCode, overview.StatusCode));
    }
}

/// <summary>The tests of <see cref="PageStatusTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class PageStatusTestsOnSqlite(AccountsApp app) : PageStatusTests(app);

/// <summary>The tests of <see cref="PageStatusTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class PageStatusTestsOnPostgres(PostgresAccountsApp app) : PageStatusTests(app), IRunsOnPostgres;
