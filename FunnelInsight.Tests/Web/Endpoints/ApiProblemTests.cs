namespace FunnelInsight.Tests.Web.Endpoints;

/// <summary>The HTTP API answers every error with RFC 9457 problem details and its status, never with a redirect.</summary>
public abstract class ApiProblemTests(AccountsApp app)
{
    [ProviderTheory]
    [InlineData(null)]
    [InlineData("analyst")]
    public async Task An_unknown_api_path_is_a_404_problem_for_anyone(string? who)
    {
        using var client = who is null ? app.App.Client() : app.WithToken(who);

        using var response = await client.GetAsync(new Uri("api/no/such/thing", UriKind.Relative));

        await Problems.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task A_signed_in_browser_without_a_token_gets_a_401_problem_from_the_api_not_the_sign_in_page()
    {
        using var client = await app.SignedInAsync("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.json", UriKind.Relative));

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [ProviderFact]
    public async Task An_error_inside_an_api_request_is_a_500_problem_not_a_redirect_to_the_error_page()
    {
        using var client = app.WithToken("analyst");

        // The last day of the calendar has no day after it to end the orders' range.
        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/customers.json?to=9999-12-31", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadRequest, $"status {response.StatusCode}");
        await Problems.AssertAsync(response, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_problem_is_json_even_when_the_client_accepts_only_csv()
    {
        using var client = app.WithToken("marketer");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.csv", UriKind.Relative));

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [ProviderTheory]
    [InlineData("mode=opne", "mode")]
    [InlineData("devcie=mobile", "devcie")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("breakdown=devices", "breakdown")]
    [InlineData("window=0", "window")]
    public async Task A_filter_that_is_not_understood_is_a_400_problem_naming_its_key(string query, string key)
    {
        using var byToken = app.WithToken("analyst");
        using var signedIn = await app.SignedInAsync("analyst");

        using var api = await byToken.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.json?{query}", UriKind.Relative));
        using var export = await signedIn.GetAsync(new Uri($"stores/{app.AlphaId}/reports/funnel.csv?{query}", UriKind.Relative));

        var problem = await Problems.AssertAsync(api, HttpStatusCode.BadRequest);
        Assert.Contains(key, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _), problem.GetRawText());
        await Problems.AssertAsync(export, HttpStatusCode.BadRequest);
    }

    [ProviderFact]
    public async Task The_error_page_works_signed_out()
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri("Error", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h6", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%E3%80%80/evil.example")]
    [InlineData("/x%0D%0ASet-Cookie:%20a=b")]
    [InlineData("%2F%2Fevil.example")]
    public async Task An_odd_return_address_after_a_language_switch_is_ignored(string redirect)
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri("culture/set?culture=ar&redirectUri=" + redirect, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [ProviderFact]
    public async Task An_odd_return_address_after_signing_in_is_ignored()
    {
        using var client = app.App.Client();
        var form = await client.GetStringAsync(new Uri("account/login?ReturnUrl=/%E3%80%80/x", UriKind.Relative));
        Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);

        using var response = await TestAccounts.SignInAsync(client, AccountsApp.Email("marketer"), returnUrl: "/%E3%80%80/x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(app.App.Address, response.Headers.Location!).PathAndQuery);
    }
}

/// <summary>The tests of <see cref="ApiProblemTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class ApiProblemTestsOnSqlite(AccountsApp app) : ApiProblemTests(app);

/// <summary>The tests of <see cref="ApiProblemTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class ApiProblemTestsOnPostgres(PostgresAccountsApp app) : ApiProblemTests(app), IRunsOnPostgres;
