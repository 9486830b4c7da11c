namespace FunnelInsight.Tests.Web.Instance;

/// <summary>
/// Two dashboards on one PostgreSQL and one ClickHouse database, each with a data folder of its own and one shared
/// uploads folder, as the README's two-instance example runs them: in the test process, or as processes of their own
/// where one is killed.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime, IRunsOnPostgres, IClickHouseTests
{
    private const string Range = "from=2020-01-01&to=2026-11-30";
    private TempDatabase _db = null!;
    private int _storeId;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync(DatabaseProvider.Postgres, TestServers.ClickHouseEngine());
        await _db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
        _storeId = (await _db.Stores.FindAsync("Shop"))!.Id;
        var owner = await TestAccounts.CreateUserAsync(_db, "owner@shop.example");
        await new StoreMemberships(_db.Database).SetAsync(_storeId, owner, StoreRole.Owner);
        _token = (await new ApiTokens(_db.Database).CreateAsync(owner, "instances")).Secret;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [ProviderFact]
    public async Task An_upload_to_one_instance_is_imported_and_both_serve_the_new_numbers_without_a_restart()
    {
        await using var first = await InProcessApp.StartAsync(_db, Settings("first"));
        await using var second = await InProcessApp.StartAsync(_db, Settings("second"));
        using var one = Authorized(first.Client());
        using var two = Authorized(second.Client());
        // Both have the store's sessions in memory before the upload.
        Assert.Equal((3, 1), await LandingAndPurchaseAsync(one));
        Assert.Equal((3, 1), await LandingAndPurchaseAsync(two));

        using var upload = await one.PostAsync(new Uri($"api/stores/{_storeId}/imports/events?fileName=more.csv", UriKind.Relative),
            new StringContent("""
                event_time,event_type,session_id,price,order_id
                2025-03-05T10:00:00Z,session_start,S4,,
                2025-03-05T10:01:00Z,view_item,S4,,
                2025-03-05T11:00:00Z,session_start,S5,,
                2025-03-05T11:01:00Z,view_item,S5,,
                2025-03-05T11:02:00Z,add_to_cart,S5,,
                2025-03-05T11:03:00Z,begin_checkout,S5,,
                2025-03-05T11:04:00Z,purchase,S5,30.00,W9
                """));
        var result = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;

        Assert.True(upload.IsSuccessStatusCode, result.ToString());
        Assert.Equal(7, result.GetProperty("rowsStored").GetInt64());
        Assert.Equal((5, 2), await LandingAndPurchaseAsync(one));
        Assert.Equal((5, 2), await LandingAndPurchaseAsync(two));
        var job = Assert.Single(await _db.QueryAsync("SELECT State, Owner FROM ImportJobs", r => (State: r.GetInt32(0), Owner: r.GetString(1))));
        Assert.Equal(2, job.State);
    }

    [ProviderFact]
    public async Task A_job_of_an_instance_killed_mid_import_is_taken_over_by_the_other_and_stores_every_event_once()
    {
        const long events = 200_000;
        var file = _db.WriteGeneratedEvents("generated-events.csv", new StoreGeneratorOptions(events, 0));

        // The instance that takes over looks for jobs only every few seconds, so that the one the upload goes to claims it.
        await using var taking = await StartAsync("taking", pollSeconds: 4);
        var dying = await StartAsync("dying");
        await using var disposing = dying;
        using var toDying = Authorized(dying.Client());
        var upload = toDying.PostAsync(new Uri($"api/stores/{_storeId}/imports/events?fileName=generated.csv", UriKind.Relative), new StreamContent(File.OpenRead(file)));

        // The dying instance has claimed the job and its import has begun writing to ClickHouse.
        var importId = 0;
        await WaitUntilAsync(async () => (await _db.QueryAsync("SELECT ImportId, Owner FROM ImportJobs WHERE ImportId IS NOT NULL", r => (r.GetInt32(0), r.GetString(1)))) is [var (id, owner)]
            && owner.Contains($"/{dying.ProcessId}/", StringComparison.Ordinal)
            && long.Parse(await TestServers.ClickHouseAsync(_db.Database.EventOptions, $"SELECT count() FROM writes WHERE kind = 'import' AND import_id = {importId = id}"), System.Globalization.CultureInfo.InvariantCulture) > 0,
            upload, dying);
        await dying.SignalAndWaitAsync("KILL");
        try
        {
            (await upload).Dispose();
        }
        catch (HttpRequestException)
        {
            // The connection closed with the killed instance.
        }

        using var toTaking = Authorized(taking.Client());
        IReadOnlyList<(int Id, string File, string Status, long RowsStored)> imports = [];
        // The import's record says Succeeded as soon as the application database commits; its ClickHouse write is marked
        // committed just after, and the job ends after that.
        await WaitUntilAsync(async () => (imports = await ImportsAsync(toTaking)).Any(i => i.Status == "Succeeded" && i.File == "generated.csv")
            && (await _db.QueryAsync("SELECT State FROM ImportJobs", r => r.GetInt32(0))) is [2], null, taking);

        var killed = Assert.Single(imports, i => i.Id == importId);
        var completed = Assert.Single(imports, i => i.Status == "Succeeded" && i.File == "generated.csv");
        Assert.Equal("Interrupted", killed.Status);
        Assert.Equal(events, completed.RowsStored);
        Assert.Equal(18 + events, await _db.EventCountAsync(_storeId));
        var job = Assert.Single(await _db.QueryAsync("SELECT State, Attempts, ImportId FROM ImportJobs", r => (State: r.GetInt32(0), Attempts: r.GetInt32(1), ImportId: r.GetInt32(2))));
        Assert.Equal((2, 2, completed.Id), job);
        Assert.False(File.Exists(Path.Combine(SharedUploads, $"store-{_storeId}")) && Directory.EnumerateFiles(Path.Combine(SharedUploads, $"store-{_storeId}")).Any());
    }

    private string SharedUploads => Path.Combine(_db.Folder, "shared-uploads");

    private Task<TestApp> StartAsync(string name, int pollSeconds = 1) => TestApp.StartAsync(_db, Settings(name, pollSeconds));

    // Each instance its own data folder (its DuckDB file, its lock files), the uploads folder shared; a short lease so
    // that a killed instance's job is taken over within seconds.
    private Dictionary<string, string> Settings(string name, int pollSeconds = 1) =>
        new(_db.AppSettings)
        {
            ["Database__DataFolder"] = Path.Combine(_db.Folder, name),
            ["Uploads__Folder"] = SharedUploads,
            ["Events__Engine"] = "clickhouse",
            ["ConnectionStrings__ClickHouse"] = _db.Database.EventOptions.ClickHouse!,
            ["Imports__LeaseSeconds"] = "5",
            ["Imports__PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    private HttpClient Authorized(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", _token);
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }

    private async Task<(long Landing, long Purchase)> LandingAndPurchaseAsync(HttpClient client)
    {
        var stages = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/stores/{_storeId}/reports/funnel.json?{Range}", UriKind.Relative)))
            .RootElement.GetProperty("stages").EnumerateArray().ToList();
        return (stages[0].GetProperty("reached").GetInt64(), stages[^1].GetProperty("reached").GetInt64());
    }

    private async Task<IReadOnlyList<(int Id, string File, string Status, long RowsStored)>> ImportsAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/stores/{_storeId}/imports", UriKind.Relative))).RootElement.EnumerateArray()
            .Select(i => (i.GetProperty("id").GetInt32(), i.GetProperty("file").GetString()!, i.GetProperty("status").GetString()!, i.GetProperty("rowsStored").GetInt64()))];

    private static Task WaitUntilAsync(Func<Task<bool>> condition, Task? mustNotEnd, TestApp app) =>
        Eventually.HoldsAsync(condition, TimeSpan.FromMinutes(4), () => app.Log,
            () => mustNotEnd?.IsCompleted ?? false ? "the upload ended before its import began writing:\n" + app.Log : null, pollMilliseconds: 25);
}
