using System.Net;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Web.Endpoints;

public abstract class ReportEndpointsTests(AccountsApp app)
{
    [ProviderFact]
    public async Task An_analysts_token_downloads_the_report_of_their_own_store()
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // Named after the store, the report and its period; the metadata is the sidecar the Link header names.
        Assert.Equal("alpha-shop-funnel-all-time.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"</api/stores/{app.AlphaId}/reports/funnel.about.csv>; rel=\"describedby\"; type=\"text/csv\"", response.Headers.GetValues("Link").Single());
        // The real funnel of Alpha's import: two sessions land, one reaches product and cart (its third row was rejected).
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("segment,stage,reached,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["landing", "2"], lines[1].Split(',')[1..3]);
        Assert.Equal(["product", "1"], lines[2].Split(',')[1..3]);
    }

    [ProviderFact]
    public async Task An_anonymous_api_request_gets_a_401_problem_with_a_bearer_challenge()
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.json", UriKind.Relative));

        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [ProviderTheory]
    [InlineData("funnel.json")]
    [InlineData("leaks.csv")]
    [InlineData("customers.xlsx")]
    public async Task A_token_of_store_a_asking_for_store_b_gets_a_404_problem_and_none_of_bs_data(string report)
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.BravoId}/reports/{report}", UriKind.Relative));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Bravo", problem.GetRawText(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_token_limited_to_one_store_cannot_reach_another_store_its_user_belongs_to()
    {
        using var client = app.WithToken("limited");

        using var alpha = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/abandonment.json", UriKind.Relative));
        using var bravo = await client.GetAsync(new Uri($"api/stores/{app.BravoId}/reports/abandonment.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alpha.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bravo.StatusCode);
        Assert.DoesNotContain("Bravo", await bravo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_marketer_cannot_export_by_token_or_signed_in()
    {
        using var byToken = app.WithToken("marketer");
        using var signedIn = await app.SignedInAsync("marketer");

        using var api = await byToken.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/leaks.csv", UriKind.Relative));
        using var page = await signedIn.GetAsync(new Uri($"stores/{app.AlphaId}/reports/leaks.csv", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (api.StatusCode, page.StatusCode));
        await Problems.AssertAsync(api, HttpStatusCode.Forbidden);
    }

    [ProviderTheory]
    [InlineData("revoked")]
    [InlineData("fi_not-a-token")]
    public async Task A_revoked_or_unknown_token_gets_401(string token)
    {
        using var client = app.App.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Tokens.GetValueOrDefault(token, token));

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_signed_in_analyst_exports_their_store_and_gets_404_for_another()
    {
        using var client = await app.SignedInAsync("analyst");

        using var own = await client.GetAsync(new Uri($"stores/{app.AlphaId}/reports/friction.json", UriKind.Relative));
        using var other = await client.GetAsync(new Uri($"stores/{app.BravoId}/reports/friction.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"source\": \"Baymard Institute\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refusal = await Problems.AssertAsync(other, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Bravo", refusal.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [ProviderTheory]
    [InlineData("revenue.csv")]
    [InlineData("funnel.exe")]
    public async Task An_unknown_report_or_format_is_not_found(string report)
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/{report}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The tests of <see cref="ReportEndpointsTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class ReportEndpointsTestsOnSqlite(AccountsApp app) : ReportEndpointsTests(app);

/// <summary>The tests of <see cref="ReportEndpointsTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class ReportEndpointsTestsOnPostgres(PostgresAccountsApp app) : ReportEndpointsTests(app), IRunsOnPostgres;
