using System.Net.Http.Headers;

namespace FunnelInsight.Tests.Web.Endpoints;

/// <summary><c>DELETE /api/stores/{id}/imports/{importId}</c> and <c>DELETE /api/stores/{id}</c> over real HTTP, for Owners only.</summary>
public sealed class DeletionEndpointsTests : IAsyncLifetime
{
    private const string Header = "event_time,event_type,session_id\n";
    private TempDatabase _db = null!;
    private InProcessApp _app = null!;
    private readonly Dictionary<string, string> _tokens = [];
    private int _storeId;
    private int _januaryId;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _storeId = (await _db.Stores.GetOrCreateAsync("Deleting Shop")).Id;
        var imports = new ImportService(_db.Database);
        _januaryId = (await imports.ImportAsync(new ImportRequest(_storeId, ImportKind.Events,
            _db.WriteFile("january.csv", Header + "2024-01-10T10:00:00Z,session_start,s1\n2024-01-10T10:01:00Z,view_item,s1\n2024-01-10T11:00:00Z,session_start,s2\n")))).ImportId;
        await imports.ImportAsync(new ImportRequest(_storeId, ImportKind.Events, _db.WriteFile("february.csv", Header + "2024-02-10T10:00:00Z,session_start,s3\n")));
        foreach (var (who, role) in new[] { ("owner", StoreRole.Owner), ("analyst", StoreRole.Analyst), ("marketer", StoreRole.Marketer) })
        {
            var userId = await TestAccounts.CreateUserAsync(_db, who + "@deleting.test");
            await new StoreMemberships(_db.Database).SetAsync(_storeId, userId, role);
            _tokens[who] = (await new ApiTokens(_db.Database).CreateAsync(userId, who)).Secret;
        }

        _app = await InProcessApp.StartAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task An_owner_deletes_an_import_and_the_funnel_report_no_longer_counts_its_sessions()
    {
        using var owner = Client("owner");
        Assert.Equal(3, await LandedAsync(owner));

        using var response = await owner.DeleteAsync(new Uri($"api/stores/{_storeId}/imports/{_januaryId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((_januaryId, 3L), (body.RootElement.GetProperty("importId").GetInt32(), body.RootElement.GetProperty("eventsRemoved").GetInt64()));
        Assert.Equal(1, await LandedAsync(owner));
        using var again = await owner.DeleteAsync(new Uri($"api/stores/{_storeId}/imports/{_januaryId}", UriKind.Relative));
        await Problems.AssertAsync(again, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("marketer")]
    public async Task An_analyst_or_marketer_gets_a_403_problem_and_nothing_is_deleted(string who)
    {
        using var client = Client(who);

        using var import = await client.DeleteAsync(new Uri($"api/stores/{_storeId}/imports/{_januaryId}", UriKind.Relative));
        using var store = await client.DeleteAsync(new Uri($"api/stores/{_storeId}", UriKind.Relative));

        await Problems.AssertAsync(import, HttpStatusCode.Forbidden);
        await Problems.AssertAsync(store, HttpStatusCode.Forbidden);
        Assert.Equal(2, await _db.CountAsync($"SELECT COUNT(*) FROM Imports WHERE StoreId = {_storeId}"));
    }

    [Fact]
    public async Task An_owner_deletes_the_store_and_it_is_gone_for_every_member()
    {
        using var owner = Client("owner");
        using var analyst = Client("analyst");
        Assert.Equal(3, await LandedAsync(analyst));

        using var response = await owner.DeleteAsync(new Uri($"api/stores/{_storeId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var report = await analyst.GetAsync(new Uri($"api/stores/{_storeId}/reports/funnel.json", UriKind.Relative));
        await Problems.AssertAsync(report, HttpStatusCode.NotFound);
        Assert.Equal(0, await _db.CountAsync("SELECT COUNT(*) FROM Stores"));
        Assert.Equal(0, await _db.EventCountAsync());
        Assert.Equal(0, await _db.CountAsync("SELECT COUNT(*) FROM StoreMembers"));
    }

    [Fact]
    public async Task Deleting_a_store_while_an_import_into_it_is_running_is_a_409_problem()
    {
        await _db.ExecuteAsync($"UPDATE Imports SET Status = {(int)ImportStatus.Running} WHERE Id = {_januaryId}");
        using var owner = Client("owner");

        using var store = await owner.DeleteAsync(new Uri($"api/stores/{_storeId}", UriKind.Relative));
        using var import = await owner.DeleteAsync(new Uri($"api/stores/{_storeId}/imports/{_januaryId}", UriKind.Relative));

        await Problems.AssertAsync(store, HttpStatusCode.Conflict);
        await Problems.AssertAsync(import, HttpStatusCode.Conflict);
        Assert.Equal(1, await _db.CountAsync("SELECT COUNT(*) FROM Stores"));
    }

    private HttpClient Client(string who)
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[who]);
        return client;
    }

    private async Task<long> LandedAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/stores/{_storeId}/reports/funnel.json", UriKind.Relative)));
        return json.RootElement.GetProperty("stages")[0].GetProperty("reached").GetInt64();
    }
}
