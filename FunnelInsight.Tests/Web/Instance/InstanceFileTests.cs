using FunnelInsight.Web.Instance;

namespace FunnelInsight.Tests.Web.Instance;

/// <summary>The real dashboard's instance file, and what its operator token lets a request from this machine do.</summary>
public sealed class InstanceFileTests : IAsyncLifetime
{
    private TempDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        await _db.Stores.GetOrCreateAsync("Operators Own");
        var claimed = await _db.Stores.GetOrCreateAsync("Claimed");
        var owner = await TestAccounts.CreateUserAsync(_db, "owner@claimed.example");
        await new StoreMemberships(_db.Database).SetAsync(claimed.Id, owner, StoreRole.Analyst);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_dashboard_writes_an_owner_only_instance_file_naming_itself_and_removes_it_when_stopped()
    {
        var app = await TestApp.StartAsync(_db);
        await using var disposing = app;
        var path = DashboardInstance.PathOf(_db.Database);
        var instance = DashboardInstance.Read(path);
        // The suite runs on Linux (Chromium, signals); Windows has no such mode bits to check.
        var mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(path);

        var exit = await app.SignalAndWaitAsync("TERM");

        Assert.Equal(Path.Combine(_db.Folder, "funnelinsight.dashboard.json"), path);
        Assert.NotNull(instance);
        Assert.Equal(app.Address, instance.Url);
        Assert.Equal(app.ProcessId, instance.ProcessId);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(0, exit);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_operator_token_reaches_only_the_stores_without_members_and_a_wrong_one_is_a_401_problem()
    {
        await using var app = await InProcessApp.StartAsync(_db);
        var instance = DashboardInstance.Read(DashboardInstance.PathOf(_db.Database))!;
        var owner = (await _db.Stores.FindAsync("Claimed"))!;
        var analystToken = (await new ApiTokens(_db.Database).CreateAsync((await new StoreMemberships(_db.Database).MembersOfAsync(owner.Id))[0].UserId, "cli")).Secret;

        var asOperator = await StoresAsync(app, instance.OperatorToken, null);
        var asMember = await StoresAsync(app, null, analystToken);
        var asBoth = await StoresAsync(app, instance.OperatorToken, analystToken);
        using var wrong = await SendAsync(app, instance.OperatorToken + "x", null);
        using var uploadAsOperator = await UploadAsync(app, instance.OperatorToken, owner.Id);

        Assert.Equal(["Operators Own:owner"], asOperator);
        Assert.Equal(["Claimed:analyst"], asMember);
        Assert.Equal(["Claimed:analyst", "Operators Own:owner"], asBoth);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        // The operator is no member of a store with members: it does not exist, for it.
        Assert.Equal(HttpStatusCode.NotFound, uploadAsOperator.StatusCode);
    }

    private static async Task<string[]> StoresAsync(InProcessApp app, string? operatorToken, string? personalToken)
    {
        using var response = await SendAsync(app, operatorToken, personalToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(s => s.GetProperty("name").GetString() + ":" + s.GetProperty("role").GetString())];
    }

    private static async Task<HttpResponseMessage> SendAsync(InProcessApp app, string? operatorToken, string? personalToken)
    {
        using var client = Client(app, operatorToken, personalToken);
        return await client.GetAsync(new Uri("api/stores", UriKind.Relative));
    }

    private static async Task<HttpResponseMessage> UploadAsync(InProcessApp app, string operatorToken, int storeId)
    {
        using var client = Client(app, operatorToken, null);
        return await client.PostAsync(new Uri($"api/stores/{storeId}/imports/events?fileName=e.csv", UriKind.Relative),
            new StringContent("event_time,event_type,session_id\n2025-04-01T09:00:00Z,session_start,n1\n"));
    }

    private static HttpClient Client(InProcessApp app, string? operatorToken, string? personalToken)
    {
        var client = app.Client();
        if (operatorToken is not null)
        {
            client.DefaultRequestHeaders.Add(OperatorCredential.Header, operatorToken);
        }

        if (personalToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", personalToken);
        }

        return client;
    }
}
