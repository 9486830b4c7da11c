using System.Diagnostics;
using System.Text;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// The real dashboard, started from its build output as a child process on a free loopback port with its own
/// temporary SQLite database and demo loading off, and Debian's Chromium driven by Playwright (never a
/// downloaded browser). Shared by the browser tests and stopped after them.
/// </summary>
#pragma warning disable CA1001 // xunit ends a fixture through IAsyncLifetime.DisposeAsync, which stops the process.
public sealed class DashboardApp : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder _output = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funnelinsight-browser", Guid.NewGuid().ToString("N"));
    private Process? _process;
    private IPlaywright? _playwright;

    /// <summary>The app's upload limit (<c>Uploads:MaxBytes</c>): small, so a test can go past it cheaply.</summary>
    public const long UploadLimit = 1024 * 1024;

    /// <summary>The app's address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Chromium, headless.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's database (the same file the app uses).</summary>
    public FunnelDatabase Database { get; private set; } = null!;

    /// <summary>Where the tests save their screenshots: under the test output folder, never committed.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        var databasePath = Path.Combine(_folder, "funnelinsight.db");
        Database = new FunnelDatabase($"Data Source={databasePath}");
        BaseUrl = await StartAppAsync(databasePath);
        // A shared 2-core machine can be slow: wait for what the page should show rather than fail early.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Creates a store straight in the database, as another browser tab would have.</summary>
    public async Task<int> CreateStoreAsync(string name) => (await new StoreCatalog(Database).GetOrCreateAsync(name)).Id;

    /// <summary>Creates store <paramref name="store"/> and opens its <paramref name="storePage"/> in a new browser page.</summary>
    public async Task<(IPage Page, int StoreId)> OpenNewStoreAsync(string store, string storePage, int width = 1280, int height = 900)
    {
        var storeId = await CreateStoreAsync(store);
        var page = await NewPageAsync(width, height);
        await page.GotoAsync($"/stores/{storeId}/{storePage}");
        return (page, storeId);
    }

    /// <summary>A new browser page (own cookies) of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot named <paramref name="name"/>.png in <see cref="ScreenshotFolder"/>.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Writes a file into the app's temporary folder and returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<string> StartAppAsync(string databasePath)
    {
        // The Web project's own build output (next to this test project's), which has its static asset manifests.
        var webDll = Path.Combine(AppContext.BaseDirectory.Replace(
            $"{Path.DirectorySeparatorChar}FunnelInsight.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}FunnelInsight.Web{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal), "FunnelInsight.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { webDll, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
            Environment =
            {
                ["ConnectionStrings__FunnelInsight"] = $"Data Source={databasePath}",
                ["Demo__Enabled"] = "false",
                ["Uploads__TempFolder"] = Path.Combine(_folder, "uploads"),
                ["Uploads__MaxBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data, address);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data, address);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(address.Task, exited, Task.Delay(StartTimeout));
        if (first != address.Task)
        {
            throw new InvalidOperationException($"The dashboard did not start ({webDll}):\n{Output()}");
        }

        return await address.Task;
    }

    private void OnOutput(string? line, TaskCompletionSource<string> address)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string listening = "Now listening on: ";
        var at = line.IndexOf(listening, StringComparison.Ordinal);
        if (at >= 0)
        {
            address.TrySetResult(line[(at + listening.Length)..].Trim());
        }
    }

    /// <summary>What the app has printed so far, for failure messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await File.WriteAllTextAsync(Path.Combine(ScreenshotFolder, "app.log"), Output());
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner rather than failing the run.
        }
    }
}
