namespace FunnelInsight.Tests.Web.Endpoints;

/// <summary>Plain HTTP endpoints (the language switch, an import's error file) of the dashboard in the test process, signed in as an owner.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private const string Email = "owner@endpoints.test";
    private TempDatabase _db = null!;
    private InProcessApp _app = null!;
    private string _userId = "";
    private HttpClient _http = null!;

    private string BaseUrl => _app.Address.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _userId = await TestAccounts.CreateUserAsync(_db, Email);
        _app = await InProcessApp.StartAsync(_db);
        _http = _app.Client(); // it follows no redirects
        using var signIn = await TestAccounts.SignInAsync(_http, Email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_language_endpoint_sets_the_culture_cookie_and_goes_back_to_the_page()
    {
        using var response = await _http.GetAsync(new Uri($"{BaseUrl}/culture/set?culture=ar&redirectUri=%2Fstores%2F1%2Fimports"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stores/1/imports", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dar%7Cuic%3Dar", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example%2F")]
    public async Task The_language_endpoint_never_redirects_off_the_site(string redirect)
    {
        using var response = await _http.GetAsync(new Uri($"{BaseUrl}/culture/set?culture=en&redirectUri={redirect}"));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_error_file_of_an_import_is_not_served_under_another_store()
    {
        var storeId = await CreateStoreAsync("Endpoint shop");
        var otherId = await CreateStoreAsync("Endpoint other shop");
        var file = _db.WriteFile("endpoint-errors.csv", "event_time,event_type,session_id\nnever,view_item,e1\n2024-01-01T00:00:00Z,view_item,e1\n");
        var result = await new ImportService(_db.Database).ImportAsync(new ImportRequest(storeId, ImportKind.Events, file));

        using var own = await _http.GetAsync(new Uri($"{BaseUrl}/stores/{storeId}/imports/{result.ImportId}/errors.csv"));
        using var other = await _http.GetAsync(new Uri($"{BaseUrl}/stores/{otherId}/imports/{result.ImportId}/errors.csv"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", own.Content.Headers.ContentType!.ToString());
        var bytes = await own.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 byte order mark, for spreadsheets
        Assert.Equal("line,column,severity,reason,raw_line\n2,event_time,error,Unparseable time 'never'.,\"never,view_item,e1\"\n", System.Text.Encoding.UTF8.GetString(bytes[3..]).ReplaceLineEndings("\n"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private async Task<int> CreateStoreAsync(string name)
    {
        var store = await _db.Stores.GetOrCreateAsync(name);
        await new StoreMemberships(_db.Database).SetAsync(store.Id, _userId, StoreRole.Owner);
        return store.Id;
    }
}
