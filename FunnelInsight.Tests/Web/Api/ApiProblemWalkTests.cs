using DuckDB.NET.Data;

namespace FunnelInsight.Tests.Web.Api;

/// <summary>
/// Every route of the API, found in the dashboard's endpoint data source, answers each way it can fail with a problem
/// (<c>application/problem+json</c>) carrying the right status, and never with a redirect.
/// </summary>
[Collection(AccountsApp.Collection)]
public sealed class ApiProblemWalkTests(AccountsApp app)
{
    private const string Events = "event_time,event_type,session_id\n2024-04-01T09:00:00Z,session_start,walk\n";
    private const int UnknownStore = 987654;

    [Fact]
    public async Task Every_api_route_refuses_a_request_without_a_token_with_a_401_problem()
    {
        await WalkAsync(null, app.AlphaId, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_api_route_refuses_a_revoked_token_with_a_401_problem()
    {
        await WalkAsync("revoked", app.AlphaId, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_api_route_refuses_a_marketer_with_a_403_problem()
    {
        await WalkAsync("marketer", app.AlphaId, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_api_route_answers_an_unknown_store_with_a_404_problem()
    {
        await WalkAsync("owner", UnknownStore, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_api_route_answers_another_owners_store_and_a_token_limited_to_another_store_with_the_same_404_problem()
    {
        await WalkAsync("owner", app.BravoId, HttpStatusCode.NotFound);
        await WalkAsync("limited", app.BravoId, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "api/stores/{A}/reports/funnel.json?devcie=mobile", "owner", HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/stores/{A}/reports/funnel.json?from=2025-13-01", "analyst", HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/stores/{A}/reports/nothing.json", "analyst", HttpStatusCode.NotFound)]
    [InlineData("GET", "api/stores/{A}/imports/987654/errors.csv", "analyst", HttpStatusCode.NotFound)]
    [InlineData("GET", "api/x", "analyst", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/x", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "api/stores/{A}/imports/pictures", "owner", HttpStatusCode.NotFound)]
    public async Task Each_failure_of_a_request_the_api_understands_is_a_problem_with_its_status(string method, string path, string? who, HttpStatusCode expected)
    {
        using var client = who is null ? app.App.Client() : app.WithToken(who);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{A}", app.AlphaId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative));

        using var response = await client.SendAsync(request);

        await Problems.AssertAsync(response, expected);
    }

    [Theory]
    [InlineData("PK\u0003\u0004 workbook", "events.csv", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("%PDF-1.7 report", "events.csv", HttpStatusCode.UnsupportedMediaType)]
    [InlineData(Events, "events.xlsx", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("", "events.csv", HttpStatusCode.BadRequest)]
    [InlineData("just one word\nand another\n", "events.csv", HttpStatusCode.BadRequest)]
    [InlineData("colour,size\nred,4\n", "events.csv", HttpStatusCode.UnprocessableEntity)]
    public async Task An_upload_refused_or_failed_is_a_problem_with_its_status(string content, string fileName, HttpStatusCode expected)
    {
        using var client = app.WithToken("owner");

        using var response = await client.PostAsync(
            new Uri($"api/stores/{app.AlphaId}/imports/events?fileName={Uri.EscapeDataString(fileName)}", UriKind.Relative), new StringContent(content, Encoding.UTF8, "text/csv"));

        var problem = await Problems.AssertAsync(response, expected);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), problem.GetRawText());
    }

    [Fact]
    public async Task A_failed_import_is_a_422_problem_that_still_gives_the_import_and_its_counts()
    {
        using var client = app.WithToken("owner");

        using var response = await client.PostAsync(new Uri($"api/stores/{app.AlphaId}/imports/events?fileName=colours.csv", UriKind.Relative),
            new StringContent("colour,size\nred,4\n", Encoding.UTF8, "text/csv"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Failed", problem.GetProperty("importStatus").GetString());
        Assert.True(problem.GetProperty("importId").GetInt32() > 0);
        Assert.Equal(0, problem.GetProperty("rowsStored").GetInt32());
    }

    [Fact]
    public async Task A_store_whose_stored_sessions_are_damaged_answers_a_500_problem_not_the_error_page()
    {
        var store = await app.Db.Stores.GetOrCreateAsync("Damaged Sessions Shop");
        await new ImportService(app.Db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, app.Db.WriteFile("damaged.csv", Events)));
        var userId = await TestAccounts.CreateUserAsync(app.Db, "damaged@shops.test");
        await new StoreMemberships(app.Db.Database).SetAsync(store.Id, userId, StoreRole.Analyst);
        var token = (await new ApiTokens(app.Db.Database).CreateAsync(userId, "damaged")).Secret;
        // A value no rollup writes, put into the store's sessions by hand in the events file (the dashboard opens it per request).
        using (var events = new DuckDBConnection("Data Source=" + app.Db.Database.EventsPath))
        {
            events.Open();
            using var damage = events.CreateCommand();
            damage.CommandText = $"UPDATE sessions SET ordered_depth = 99 WHERE store_id = {store.Id}";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        using var client = app.App.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync(new Uri($"api/stores/{store.Id}/reports/funnel.json", UriKind.Relative));

        await Problems.AssertAsync(response, HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_problem()
    {
        using var client = app.WithToken("owner");

        using var response = await client.PostAsync(new Uri($"api/stores/{app.AlphaId}/imports/events?fileName=big.csv", UriKind.Relative),
            new StringContent(Events + new string('x', (int)AccountsApp.MaxUploadBytes), Encoding.UTF8, "text/csv"));

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task WalkAsync(string? who, int storeId, HttpStatusCode expected)
    {
        // A store's refusals (403, 404) are for the routes of one store; the list of the caller's own stores has none.
        var routes = (await ApiRoute.AllAsync(app.Db.DatabasePath))
            .Where(r => expected == HttpStatusCode.Unauthorized || r.Template.Contains("{storeId}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var values = new Dictionary<string, string>
            {
                ["storeId"] = storeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["importId"] = (storeId == app.BravoId ? app.BravoImportId : app.AlphaImportId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["kind"] = route.Template.Contains("/reports/", StringComparison.Ordinal) ? "funnel" : "events",
                ["format"] = "json",
            };
            using var client = who is null ? app.App.Client() : app.WithToken(who);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(route.Path(values), UriKind.Relative));
            if (route.Method is "POST" or "PUT")
            {
                request.Content = new StringContent(Events, Encoding.UTF8, "text/csv");
            }

            using var response = await client.SendAsync(request);

            try
            {
                await Problems.AssertAsync(response, expected);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"{route.Method} {route.Template} as {who ?? "nobody"}: {ex.Message}");
            }
        }
    }
}
