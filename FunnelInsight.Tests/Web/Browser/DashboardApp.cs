namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// The real dashboard (<see cref="TestApp"/>: its own process, temporary SQLite database, demo off) and Debian's
/// Chromium driven by Playwright (never a downloaded browser), signed in through the login page as a user who owns
/// every store the tests create. Shared by the browser tests and stopped after them.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    /// <summary>The signed-in test user, owner of every store created through <see cref="CreateStoreAsync"/>.</summary>
    public const string Email = "owner@browser.test";

    /// <summary>The app's upload limit (<c>Uploads:MaxBytes</c>): small, so a test can go past it cheaply.</summary>
    public const long UploadLimit = 1024 * 1024;

    private TempDatabase? _temp;
    private TestApp? _app;
    private IPlaywright? _playwright;
    private string _userId = "";
    private string _signedInState = "";
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _browserLog = new();

    /// <summary>The app's address without a trailing slash, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Chromium, headless.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's database (the same file the app uses).</summary>
    public FunnelDatabase Database => _temp!.Database;

    /// <summary>Where the tests save their screenshots: under the test output folder, never committed.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        _temp = await TempDatabase.CreateAsync();
        _userId = await TestAccounts.CreateUserAsync(_temp, Email);
        _app = await TestApp.StartAsync(_temp, new Dictionary<string, string>
        {
            ["Uploads__MaxBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
        BaseUrl = _app.Address.ToString().TrimEnd('/');

        // A shared 2-core machine can be slow: wait for what the page should show rather than fail early.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        _signedInState = await SignInAsync();
    }

    /// <summary>Creates a store straight in the database, owned by the signed-in test user.</summary>
    public async Task<int> CreateStoreAsync(string name)
    {
        var store = await new StoreCatalog(Database).GetOrCreateAsync(name);
        await new StoreMemberships(Database).SetAsync(store.Id, _userId, StoreRole.Owner);
        return store.Id;
    }

    /// <summary>A new personal API token of the signed-in test user (for the command line's store-scoped verbs).</summary>
    public async Task<string> CreateTokenAsync() => (await new ApiTokens(Database).CreateAsync(_userId, "command line")).Secret;

    /// <summary>Gives <paramref name="email"/> (a new account with <see cref="TestAccounts.Password"/>) <paramref name="role"/> in a store.</summary>
    public async Task AddMemberAsync(int storeId, string email, StoreRole role) =>
        await new StoreMemberships(Database).SetAsync(storeId, await TestAccounts.CreateUserAsync(_temp!, email), role);

    /// <summary>
    /// Imports into the running app's database from the test process, and fails the test unless it succeeds. The
    /// dashboard opens the events file for each request and DuckDB lets one process at a time have it: an import that
    /// found it taken stored nothing and is tried again, so a test never starts on an empty store. The record of a try
    /// that stored nothing is removed, so the store's history holds only the imports the test made.
    /// </summary>
    public async Task<ImportResult> ImportAsync(ImportRequest request)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                var result = await new ImportService(Database).ImportAsync(request);
                if (result.Status == FunnelInsight.Core.Import.ImportStatus.Succeeded || DateTime.UtcNow > deadline)
                {
                    Assert.Equal(FunnelInsight.Core.Import.ImportStatus.Succeeded, result.Status);
                    return result;
                }

                await ForgetImportAsync(result.ImportId);
            }
            catch (FunnelInsight.Core.Events.EventStoreLockedException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Writes <paramref name="events"/> to <paramref name="file"/> in the test's folder and imports it into store
    /// <paramref name="storeId"/> (as <see cref="ImportAsync"/> does), recorded under <paramref name="fileName"/> when given.
    /// </summary>
    public Task<ImportResult> ImportEventsAsync(int storeId, string file, string events, string? fileName = null) =>
        ImportAsync(new ImportRequest(storeId, ImportKind.Events, WriteFile(file, events), fileName));

    // A try that stored nothing (its record says why): gone from the history, as if it had never been made.
    private async Task ForgetImportAsync(int importId)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM ImportRowErrors WHERE ImportId = {importId}; DELETE FROM Imports WHERE Id = {importId}";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Creates store <paramref name="store"/> and opens its <paramref name="storePage"/> in a new browser page.</summary>
    public async Task<(IPage Page, int StoreId)> OpenNewStoreAsync(string store, string storePage, int width = 1280, int height = 900)
    {
        var storeId = await CreateStoreAsync(store);
        var page = await NewPageAsync(width, height);
        await page.GotoAsync($"/stores/{storeId}/{storePage}");
        return (page, storeId);
    }

    /// <summary>A new browser page (own cookies, signed in as <see cref="Email"/>) of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(ContextOptions(width, height, _signedInState));
        context.SetDefaultTimeout(30_000);
        return Watched(await context.NewPageAsync());
    }

    /// <summary>
    /// A new browser page like <see cref="NewPageAsync(int, int)"/> whose language is <paramref name="culture"/> (such as
    /// <c>ar</c>): it carries the culture cookie the language picker sets.
    /// </summary>
    public async Task<IPage> NewPageAsync(string culture, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await UseCultureAsync(page, culture);
        return page;
    }

    /// <summary>Makes <paramref name="page"/>'s next requests ask for <paramref name="culture"/> (the culture cookie a language choice sets).</summary>
    public Task UseCultureAsync(IPage page, string culture) =>
        page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = BaseUrl }]);

    /// <summary>A new browser page signed in through the login page as <paramref name="email"/> (password <see cref="TestAccounts.Password"/>).</summary>
    public async Task<IPage> NewPageSignedInAsAsync(string email)
    {
        var page = await NewSignedOutPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>A new browser page that is not signed in, of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public async Task<IPage> NewSignedOutPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(ContextOptions(width, height, null));
        context.SetDefaultTimeout(30_000);
        return Watched(await context.NewPageAsync());
    }

    /// <summary>The running app (its address, its log, plain HTTP clients).</summary>
    public TestApp App => _app!;

    /// <summary>An HTTP client with the signed-in test user's cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = _app!.Client();
        using var response = await TestAccounts.SignInAsync(client, Email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Saves a full-page screenshot named <paramref name="name"/>.png in <see cref="ScreenshotFolder"/> once the page is
    /// connected (the layout carries <c>data-interactive</c> from the circuit's first render): a picture taken before
    /// shows every button greyed out.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await WaitUntilInteractiveAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until the page's Blazor circuit has rendered it (the layout's <c>data-interactive</c> mark).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".mud-layout[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>
    /// Picks a file on the Imports page once Blazor's InputFile script has hooked the input (it marks the element when
    /// it does): a file chosen before that raises a change event nobody hears.
    /// </summary>
    public static async Task ChooseUploadAsync(IPage page, string path)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('.fi-dropzone input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator(".fi-dropzone input[type=file]").SetInputFilesAsync(path);
    }

    /// <summary>Writes a file into the app's temporary folder and returns its path.</summary>
    public string WriteFile(string name, string text) => _temp!.WriteFile(name, text);

    // Every page's script errors and console warnings, kept with the time and the page's address: a failed wait for
    // something a script draws (a chart) shows in browser.log beside app.log what the browser said meanwhile.
    private IPage Watched(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {page.Url} console.{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {page.Url} error: {error}");
        return page;
    }

    /// <summary>What the app has printed so far, for failure messages.</summary>
    public string Output() => _app?.Log ?? "";

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(ScreenshotFolder, "app.log"), _app.Log);
            await File.WriteAllLinesAsync(Path.Combine(ScreenshotFolder, "browser.log"), _browserLog);
            await _app.DisposeAsync();
        }

        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    private BrowserNewContextOptions ContextOptions(int width, int height, string? storageState) => new()
    {
        BaseURL = BaseUrl,
        ViewportSize = new ViewportSize { Width = width, Height = height },
        AcceptDownloads = true,
        Locale = "en-US",
        StorageState = storageState,
    };

    /// <summary>Signs in through the login page, as a person would, once; the tests' pages reuse its cookies.</summary>
    private async Task<string> SignInAsync()
    {
        await using var context = await Browser.NewContextAsync(ContextOptions(1280, 900, null));
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return await context.StorageStateAsync();
    }
}
