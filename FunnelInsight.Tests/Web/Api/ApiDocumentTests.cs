namespace FunnelInsight.Tests.Web.Api;

/// <summary><c>/openapi/v1.json</c> describes every route of the API, by name, and only the API.</summary>
[Collection(AccountsApp.Collection)]
public sealed class ApiDocumentTests(AccountsApp app)
{
    [Fact]
    public async Task Every_api_route_the_dashboard_maps_is_in_the_openapi_document_with_an_operation_name()
    {
        var routes = await ApiRoute.AllAsync(app.Db.DatabasePath);
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(routes.Count >= 3, $"only {routes.Count} API routes found");
        foreach (var route in routes)
        {
            Assert.True(paths.TryGetProperty(route.Template, out var path), $"{route.Template} is not in the document: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
            Assert.True(path.TryGetProperty(route.Method.ToLowerInvariant(), out var operation), $"{route.Method} {route.Template} is not in the document");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()), $"{route.Method} {route.Template} has no name");
        }

        var documented = paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count());
        Assert.Equal(routes.Count, documented);
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_route_documents_every_filter_key_with_the_user_defined_funnels_steps_and_saved_name()
    {
        using var client = app.App.Client();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)));

        var report = document.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Name.Contains("/reports/", StringComparison.Ordinal)).Value.GetProperty("get");
        var query = report.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("description").GetString());
        Assert.Equal(["breakdown", "channel", "country", "device", "from", "funnel", "inactive-days", "limit", "mode", "scope", "steps", "to", "trend", "window"],
            query.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("stage:NAME", query["steps"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_documented_operation_names_its_problems_as_problem_json()
    {
        using var client = app.App.Client();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)));

        foreach (var (path, operation) in document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o))))
        {
            var responses = operation.Value.GetProperty("responses");
            // A store's refusals (403, 404) belong to the routes of one store.
            string[] statuses = path.Contains("{storeId}", StringComparison.Ordinal) ? ["401", "403", "404", "500"] : ["401", "500"];
            foreach (var status in statuses)
            {
                Assert.True(responses.TryGetProperty(status, out var answer), $"{operation.Value.GetProperty("operationId")} does not say it answers {status}");
                Assert.True(answer.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{operation.Value.GetProperty("operationId")} {status}");
            }
        }
    }
}
