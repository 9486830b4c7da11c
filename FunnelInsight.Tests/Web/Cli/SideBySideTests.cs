using FunnelInsight.Web.Instance;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>
/// The command line beside a running dashboard, on the DuckDB engine (which lets one process open the events file): the
/// command line its own process, the dashboard in the test process (its own process only where it is killed), real HTTP.
/// While a dashboard runs, <c>import</c>, <c>report</c>, <c>imports</c> and <c>stores</c> go through its
/// API; a file left by a killed dashboard is ignored and the files are opened directly.
/// </summary>
public sealed class SideBySideTests : IAsyncLifetime
{
    // Both processes on DuckDB, whatever the suite's default engine is.
    private static readonly Dictionary<string, string> DuckDb = new() { ["Events__Engine"] = "duckdb" };
    private const string Range = "from=2020-01-01&to=2026-11-30";

    private TempDatabase _db = null!;
    private LongImport _long = null!;
    private Dictionary<string, string> _settings = null!;
    private string _token = null!;
    private int _storeId;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _long = LongImport.Create(_db);
        _settings = new Dictionary<string, string>(DuckDb.Concat(_long.Settings));
        await _db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
        _storeId = (await _db.Stores.FindAsync("Shop"))!.Id;
        var owner = await TestAccounts.CreateUserAsync(_db, "owner@shop.example");
        await new StoreMemberships(_db.Database).SetAsync(_storeId, owner, StoreRole.Owner);
        _token = (await new ApiTokens(_db.Database).CreateAsync(owner, "side by side")).Secret;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_command_line_import_while_the_dashboard_serves_reports_goes_through_it_and_the_reports_show_the_store_before_and_then_with_it()
    {
        await using var app = await InProcessApp.StartAsync(_db, _settings);
        using var client = Client(app);

        await using var import = Command("import", "--store", "Shop", "--events", _long.EventsFile);
        await import.WaitUntilAsync(() => import.Error.Contains("import: 10%", StringComparison.Ordinal), "it read a tenth of the file");
        var landingDuring = new List<long>();
        while (!import.HasExited && landingDuring.Count < 5)
        {
            landingDuring.Add(await LandingAsync(client));
        }

        var running = await ImportsJsonAsync(client);
        var (exit, output) = await import.WaitAsync();
        var landingAfter = await LandingAsync(client);
        var sessions = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/stores", UriKind.Relative))).RootElement[0].GetProperty("sessions").GetInt64();

        // A report asked between the dashboard's commit and the command line's exit already sees the whole import:
        // each report shows the store as it was or with all of it, never a part.
        Assert.True(landingDuring.Count > 0, "no report was asked while the import ran");
        Assert.Equal(3, landingDuring[0]);
        Assert.All(landingDuring, landing => Assert.True(landing == 3 || landing == sessions, $"{landing} landings: neither the 3 before nor the {sessions} after"));
        Assert.True(running[0].GetProperty("status").GetString() is "Running" or "Succeeded", running[0].ToString());
        Assert.Equal(0, exit);
        Assert.DoesNotContain("lock", import.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(400_000, JsonDocument.Parse(output).RootElement.GetProperty("rowsStored").GetInt64());
        // Every session lands: after the import the store's report counts every one of its sessions, the fixture's 3 among them.
        Assert.True(sessions > 3, $"{sessions} sessions");
        Assert.Equal(sessions, landingAfter);
    }

    [Fact]
    public async Task An_upload_to_the_dashboard_while_the_command_line_runs_report_and_imports_answers_them_with_the_store_as_it_was_or_with_the_whole_upload()
    {
        await using var app = await InProcessApp.StartAsync(_db, _settings);
        using var client = Client(app);
        var upload = client.PostAsync(new Uri($"api/stores/{_storeId}/imports/events?fileName=long.csv", UriKind.Relative), new StreamContent(File.OpenRead(_long.EventsFile)));
        await Eventually.HoldsAsync(async () => (await ImportsJsonAsync(client)).FirstOrDefault().ValueKind == JsonValueKind.Object, TimeSpan.FromMinutes(2),
            () => "Never the upload's import began.", () => upload.IsCompleted ? "It ended before the upload's import began." : null);

        var report = await RunAsync("report", "funnel", "--store", "Shop", "--from", "2020-01-01", "--to", "2026-11-30", "--token", _token);
        var imports = await RunAsync("imports", "--store", "Shop", "--token", _token);
        using var uploaded = await upload;
        var reportAfter = await RunAsync("report", "funnel", "--store", "Shop", "--from", "2020-01-01", "--to", "2026-11-30", "--token", _token);
        var importsAfter = await RunAsync("imports", "--store", "Shop", "--token", _token);

        Assert.True(report.Exit == 0 && imports.Exit == 0, app.Log);
        Assert.Equal((0, ""), (report.Exit, report.Error));
        Assert.Equal(0, reportAfter.Exit);
        var landingAfter = Landing(reportAfter.Output);
        Assert.True(landingAfter > 3, $"{landingAfter} landings after the upload");
        // The upload may commit before the report's process has started: the report shows the 3 landings before it or
        // all of them, never a part.
        var landingDuring = Landing(report.Output);
        Assert.True(landingDuring == 3 || landingDuring == landingAfter, $"{landingDuring} landings: neither the 3 before nor the {landingAfter} after");
        Assert.Equal((0, ""), (imports.Exit, imports.Error));
        var during = JsonDocument.Parse(imports.Output).RootElement;
        Assert.Equal(2, during.GetArrayLength());
        Assert.Equal("long.csv", during[0].GetProperty("file").GetString());
        Assert.True(during[0].GetProperty("status").GetString() is "Running" or "Succeeded", during[0].ToString());
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal("Succeeded", JsonDocument.Parse(importsAfter.Output).RootElement[0].GetProperty("status").GetString());
        Assert.Equal(400_000, JsonDocument.Parse(importsAfter.Output).RootElement[0].GetProperty("rowsStored").GetInt64());
    }

    [Fact]
    public async Task After_the_dashboard_was_killed_the_command_line_ignores_its_instance_file_and_opens_the_files_itself()
    {
        var app = await TestApp.StartAsync(_db, _settings);
        await using (app)
        {
            Assert.NotNull(DashboardInstance.Read(InstanceFile));
            await app.SignalAndWaitAsync("KILL");
        }

        var left = DashboardInstance.Read(InstanceFile);
        var newEvents = _db.WriteFile("new.csv", "event_time,event_type,session_id\n2025-04-01T09:00:00Z,session_start,n1\n2025-04-01T09:02:00Z,add_to_cart,n1\n");
        var imported = await RunAsync("import", "--store", "Shop", "--events", newEvents, "--token", _token);
        var stores = await RunAsync("stores", "--token", _token);

        Assert.NotNull(left);
        Assert.Equal(0, imported.Exit);
        Assert.All(imported.Error.Split('\n'), line => Assert.Matches(@"^import: (\d+% \(\d+ rows\)|building session rollups from 2 rows…)$", line));
        Assert.Equal(2, JsonDocument.Parse(imported.Output).RootElement.GetProperty("rowsStored").GetInt64());
        Assert.Contains("\"name\":\"Shop\",\"events\":20", stores.Output, StringComparison.Ordinal);
        Assert.Equal(20, await _db.EventCountAsync());
    }

    [Fact]
    public async Task An_instance_file_whose_process_lives_but_whose_address_refuses_connections_is_ignored()
    {
        // This test's own process is alive; its port is bound (so no one else can take it) but never listened on.
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)bound.LocalEndPoint!).Port;
        new DashboardInstance(new Uri($"http://127.0.0.1:{port}/"), Environment.ProcessId, "fi_op_stale", DateTime.UtcNow).Write(InstanceFile);

        var stores = await RunAsync("stores", "--token", _token);

        Assert.Equal((0, ""), (stores.Exit, stores.Error));
        Assert.Contains("\"name\":\"Shop\",\"events\":18", stores.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_on_an_import_through_the_dashboard_cancels_it_there_and_leaves_nothing_half_and_the_rerun_stores_each_event_once()
    {
        await using var app = await InProcessApp.StartAsync(_db, _settings);
        using var client = Client(app);
        await using var import = Command("import", "--store", "Shop", "--events", _long.EventsFile);
        await import.WaitUntilAsync(() => import.Error.Contains("import: 10%", StringComparison.Ordinal), "it read a tenth of the file");

        await import.SignalAsync("INT");
        var (exit, output) = await import.WaitAsync();
        var afterCancel = await ImportsJsonAsync(client);
        var eventsAfterCancel = await EventsAsync(client);
        var uploadsLeft = Directory.GetFiles(_db.Database.StoreFilesFolder(_storeId));
        var small = await RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"), "--token", _token);
        var again = await RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"), "--token", _token);

        Assert.Equal(130, exit);
        var lines = import.Error.Trim().Split('\n');
        Assert.Equal("import: The import was cancelled; nothing was stored.", lines[^1].Trim());
        Assert.All(lines[..^1], line => Assert.Matches(@"^import: \d+% \(", line));
        Assert.Equal("", output);
        Assert.Equal("Cancelled", afterCancel[0].GetProperty("status").GetString());
        Assert.Equal(18, eventsAfterCancel);
        Assert.Empty(uploadsLeft);
        Assert.Equal(0, small.Exit);
        Assert.Equal((0L, 18L), Counts(small.Output));
        Assert.Equal(0, again.Exit);
        Assert.Equal((0L, 18L), Counts(again.Output));
        Assert.Equal(18, await EventsAsync(client));
    }

    [Fact]
    public async Task Through_the_dashboard_import_writes_the_same_result_and_error_file_and_report_the_same_bytes_as_on_the_files()
    {
        var directErrors = Path.Combine(_db.Folder, "direct-errors.csv");
        var direct = await RunAsync("import", "--store", "Direct", "--events", Fixture.Path("malformed-events.csv"), "--errors", directErrors);
        var directReport = await RunAsync("report", "funnel", "--store", "Direct", "--format", "csv", "--from", "2020-01-01", "--to", "2026-11-30");
        var directSteps = await RunAsync("report", "funnel", "--store", "Direct", "--steps", "view_item,add_to_cart,purchase", "--from", "2020-01-01", "--to", "2026-11-30");
        var directUnsaved = await RunAsync("report", "funnel", "--store", "Direct", "--funnel", "never saved");
        await using var app = await InProcessApp.StartAsync(_db, _settings);
        var throughErrors = Path.Combine(_db.Folder, "through-errors.csv");
        var through = await RunAsync("import", "--store", "Through", "--events", Fixture.Path("malformed-events.csv"), "--errors", throughErrors);
        var throughReport = await RunAsync("report", "funnel", "--store", "Through", "--format", "csv", "--from", "2020-01-01", "--to", "2026-11-30");
        var refused = await RunAsync("report", "funnel", "--store", "Shop");
        // The same store read through the dashboard: a user-defined funnel, and a saved funnel the store does not have.
        var throughSteps = await RunAsync("report", "funnel", "--store", "Direct", "--steps", "view_item,add_to_cart,purchase", "--from", "2020-01-01", "--to", "2026-11-30");
        var throughUnsaved = await RunAsync("report", "funnel", "--store", "Direct", "--funnel", "never saved");

        Assert.Equal(0, direct.Exit);
        Assert.Equal((0, direct.Error), (through.Exit, through.Error));
        Assert.Equal(WithoutImportId(direct.Output), WithoutImportId(through.Output));
        Assert.True(new FileInfo(directErrors).Length > 100);
        Assert.Equal(await File.ReadAllBytesAsync(directErrors), await File.ReadAllBytesAsync(throughErrors));
        Assert.Equal((0, ""), (directReport.Exit, directReport.Error));
        Assert.Equal(directReport.Output, throughReport.Output);
        Assert.Equal((0, ""), (directSteps.Exit, directSteps.Error));
        Assert.Contains("\"stages\"", directSteps.Output, StringComparison.Ordinal);
        // The same bytes but for the moment each report was made (its meta.generatedUtc).
        Assert.Equal(WithoutTime(directSteps), WithoutTime(throughSteps));
        Assert.Equal(2, directUnsaved.Exit);
        Assert.StartsWith("report: --funnel: ", directUnsaved.Error, StringComparison.Ordinal);
        Assert.Equal(directUnsaved, throughUnsaved);
        Assert.Equal((3, "No store 'Shop' that the command line can report on without a token (give --token or set FUNNELINSIGHT_TOKEN)."), (refused.Exit, refused.Error.Trim()));
    }

    [Fact]
    public async Task A_file_refused_into_a_new_store_leaves_no_store_behind_through_the_dashboard_as_on_the_files()
    {
        var columns = _db.WriteFile("columns.csv", "when,what\n2025-01-01,x\n");
        var pdf = _db.WriteFile("report.csv", "%PDF-1.7\n1 0 obj\n");

        var direct = await RunAsync("import", "--store", "Direct", "--events", columns);
        await using var app = await InProcessApp.StartAsync(_db, _settings);
        var failed = await RunAsync("import", "--store", "Through", "--events", columns);
        var refused = await RunAsync("import", "--store", "Through", "--events", pdf);

        Assert.Equal(1, direct.Exit);
        Assert.Equal((1, direct.Error), (failed.Exit, failed.Error));
        Assert.Equal(1, refused.Exit);
        Assert.StartsWith("import: \"report.csv\" ", refused.Error, StringComparison.Ordinal);
        Assert.Equal((null, null), (await _db.Stores.FindAsync("Direct"), await _db.Stores.FindAsync("Through")));
    }

    [Fact]
    public async Task Settings_and_delete_import_go_through_the_dashboard_with_the_same_answers_as_on_the_files()
    {
        var directRejected = await RunAsync("settings", "--store", "Shop", "--session-timeout", "0", "--token", _token);
        var directUnknown = await RunAsync("delete-import", "--store", "Shop", "--import", "999", "--yes", "--token", _token);
        await using var app = await InProcessApp.StartAsync(_db, _settings);

        var rejected = await RunAsync("settings", "--store", "Shop", "--session-timeout", "0", "--token", _token);
        var changed = await RunAsync("settings", "--store", "Shop", "--session-timeout", "45", "--token", _token);
        var unknown = await RunAsync("delete-import", "--store", "Shop", "--import", "999", "--yes", "--token", _token);
        var deleted = await RunAsync("delete-import", "--store", "Shop", "--import", "1", "--yes", "--token", _token);
        var stores = await RunAsync("stores", "--token", _token);

        Assert.Equal(2, directRejected.Exit);
        Assert.StartsWith("settings: --session-timeout: ", directRejected.Error, StringComparison.Ordinal);
        Assert.Equal(directRejected, rejected);
        Assert.Equal((0, ""), (changed.Exit, changed.Error));
        var settings = JsonDocument.Parse(changed.Output).RootElement;
        Assert.Equal(("Shop", 45, true, 3L), (settings.GetProperty("store").GetString(), settings.GetProperty("sessionTimeoutMinutes").GetInt32(),
            settings.GetProperty("saved").GetBoolean(), settings.GetProperty("sessionsRebuilt").GetInt64()));
        Assert.Equal(2, directUnknown.Exit);
        Assert.Equal(directUnknown, unknown);
        Assert.Equal(0, deleted.Exit);
        Assert.Equal("{\"deleted\":\"import\",\"importId\":1,\"file\":\"canonical-events.csv\",\"eventsRemoved\":18,\"ordersRemoved\":0}", deleted.Output.Trim());
        Assert.StartsWith("delete-import: deletes import 1 of 'Shop': canonical-events.csv, 18 rows stored, imported ", deleted.Error, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Shop\",\"events\":0,\"orders\":0,\"sessions\":0", stores.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_dashboard_a_name_two_of_the_callers_stores_share_is_chosen_by_store_id_with_the_same_answers_as_on_the_files()
    {
        // The token's user also belongs, as an analyst, to another owner's store called Shop.
        var other = await TestAccounts.CreateUserAsync(_db, "other@shop.example");
        var second = await _db.Stores.GetOrCreateAsync("Shop", other);
        await new StoreMemberships(_db.Database).SetAsync(second.Id, other, StoreRole.Owner);
        var ownerId = (await new StoreMemberships(_db.Database).MembersOfAsync(_storeId)).Single().UserId;
        await new StoreMemberships(_db.Database).SetAsync(second.Id, ownerId, StoreRole.Analyst);
        string[] Imports(params string[] more) => ["imports", "--store", "Shop", .. more, "--token", _token];
        var id = second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = _storeId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var directAmbiguous = await RunAsync(Imports());
        var directSecond = await RunAsync(Imports("--store-id", id));
        var directFirst = await RunAsync(Imports("--store-id", first));
        await using var app = await InProcessApp.StartAsync(_db, _settings);
        var ambiguous = await RunAsync(Imports());
        var chosenSecond = await RunAsync(Imports("--store-id", id));
        var chosenFirst = await RunAsync(Imports("--store-id", first));
        var byOwner = await RunAsync(Imports("--owner", "other@shop.example"));

        Assert.Equal((2, $"imports: 'Shop' names 2 stores (ids {_storeId}, {second.Id}); say which with --store-id ID."), (ambiguous.Exit, ambiguous.Error));
        Assert.Equal(directAmbiguous, ambiguous);
        // The second store has no imports; the first has the fixture's.
        Assert.Equal((0, "[]"), (chosenSecond.Exit, chosenSecond.Output.Trim()));
        Assert.Equal(directSecond, chosenSecond);
        Assert.Equal(0, chosenFirst.Exit);
        Assert.Contains("canonical-events.csv", chosenFirst.Output, StringComparison.Ordinal);
        Assert.Equal(directFirst, chosenFirst);
        Assert.Equal((2, "imports: --owner is answered from the database files, and the dashboard has them open; name the store with --store-id ID (see stores)."), (byOwner.Exit, byOwner.Error));
    }

    private string InstanceFile => DashboardInstance.PathOf(_db.Database);

    private ChildProcess Command(params string[] args) => ChildProcess.Start(_db, _settings, [.. args, "--token", _token]);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        await using var command = ChildProcess.Start(_db, _settings, args);
        var (exit, output) = await command.WaitAsync();
        return (exit, output, command.Error.Trim());
    }

    private HttpClient Client(InProcessApp app)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _token);
        return client;
    }

    private async Task<long> LandingAsync(HttpClient client) =>
        Landing(await client.GetStringAsync(new Uri($"api/stores/{_storeId}/reports/funnel.json?{Range}", UriKind.Relative)));

    private static long Landing(string funnelJson) =>
        JsonDocument.Parse(funnelJson).RootElement.GetProperty("stages").EnumerateArray().First().GetProperty("reached").GetInt64();

    private async Task<JsonElement[]> ImportsJsonAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/stores/{_storeId}/imports", UriKind.Relative))).RootElement.EnumerateArray()
            .Where(i => i.GetProperty("file").GetString() != "canonical-events.csv")];

    private static async Task<long> EventsAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("api/stores", UriKind.Relative))).RootElement[0].GetProperty("events").GetInt64();

    private static (long Stored, long Duplicate) Counts(string importJson)
    {
        var result = JsonDocument.Parse(importJson).RootElement;
        return (result.GetProperty("rowsStored").GetInt64(), result.GetProperty("rowsDuplicate").GetInt64());
    }

    private static (int Exit, string Output, string Error) WithoutTime((int Exit, string Output, string Error) run) =>
        run with { Output = System.Text.RegularExpressions.Regex.Replace(run.Output, "\"generatedUtc\": \"[^\"]*\"", "\"generatedUtc\": \"\"") };

    private static string WithoutImportId(string importJson) => System.Text.RegularExpressions.Regex.Replace(importJson, "\"importId\":\\d+", "\"importId\":0");
}
