namespace FunnelInsight.Tests.Web.Endpoints;

/// <summary>The dashboard (in the test process) on a database of its own with one store and its owner's API token, for upload tests that add rows.</summary>
public sealed class UploadApp : IAsyncLifetime
{
    private TempDatabase? _db;
    private InProcessApp? _app;
    private string _token = "";

    /// <summary>The store uploads go into.</summary>
    public int StoreId { get; private set; }

    /// <summary>The app's database, to look at what an upload stored.</summary>
    public FunnelInsight.Core.Storage.FunnelDatabase Database => _db!.Database;

    /// <summary>A client sending the store owner's API token.</summary>
    public HttpClient OwnerClient()
    {
        var client = _app!.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        StoreId = (await _db.Stores.GetOrCreateAsync("Upload Shop")).Id;
        var userId = await TestAccounts.CreateUserAsync(_db, "uploader@shops.test");
        await new StoreMemberships(_db.Database).SetAsync(StoreId, userId, StoreRole.Owner);
        _token = (await new ApiTokens(_db.Database).CreateAsync(userId, "uploads")).Secret;
        _app = await InProcessApp.StartAsync(_db);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
