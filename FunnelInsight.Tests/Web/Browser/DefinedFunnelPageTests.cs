namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// The Funnel page's builder in real Chromium, on a dashboard of its own on the DuckDB engine (which counts user-defined
/// funnels): build, save, reload the link, and see what the command line prints for the same funnel.
/// </summary>
public sealed class DefinedFunnelPageTests : IAsyncLifetime
{
    private const string Email = "builder@browser.test";
    private const string Steps = "view_item_list,view_item,add_to_cart,purchase";
    private const string Hostile = "<img src=x onerror=alert(1)>";

    // Into the list: s1 s2 s3 s4 s6 (5); then the item: s1 s2 s3 s6 (4); then the cart after it: s1 s2 (2, s6's cart came
    // before its item); then the purchase: s1 (1). s5 never saw the list.
    private static readonly string Events = AnalyticsStore.EventHeader + "\n" + $"""
        2024-03-04T10:00:00Z,view_item_list,s1,u1,,,,,desktop,seo,US,
        2024-03-04T10:01:00Z,view_item,s1,u1,p1,20,,,desktop,seo,US,
        2024-03-04T10:02:00Z,add_to_cart,s1,u1,p1,20,1,,desktop,seo,US,
        2024-03-04T10:03:00Z,purchase,s1,u1,p1,20,1,o1,desktop,seo,US,
        2024-03-05T10:00:00Z,view_item_list,s2,u2,,,,,mobile,seo,US,
        2024-03-05T10:01:00Z,view_item,s2,u2,p2,10,,,mobile,seo,US,
        2024-03-05T10:02:00Z,add_to_cart,s2,u2,p2,10,1,,mobile,seo,US,
        2024-03-06T10:00:00Z,view_item_list,s3,u3,,,,,mobile,seo,US,
        2024-03-06T10:01:00Z,view_item,s3,u3,p3,10,,,mobile,seo,US,
        2024-03-07T10:00:00Z,view_item_list,s4,u4,,,,,mobile,ads,US,
        2024-03-07T10:01:00Z,"{Hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}",s4,u4,,,,,mobile,ads,US,
        2024-03-08T10:00:00Z,view_item,s5,u5,p5,10,,,desktop,ads,US,
        2024-03-08T10:01:00Z,add_to_cart,s5,u5,p5,10,1,,desktop,ads,US,
        2024-03-09T10:00:00Z,view_item_list,s6,u6,,,,,desktop,ads,US,
        2024-03-09T10:01:00Z,add_to_cart,s6,u6,p6,10,1,,desktop,ads,US,
        2024-03-09T10:02:00Z,view_item,s6,u6,p6,10,,,desktop,ads,US,
        """ + "\n";

    private static readonly Dictionary<string, string> DuckDb = new() { ["Events__Engine"] = "duckdb" };

    private TempDatabase _temp = null!;
    private TestApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync() => _temp = await TempDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _temp.DisposeAsync();
    }

    private async Task<long[]> CommandLineCountsAsync(params string[] args)
    {
        var (code, output, error) = await InProcessCommand.RunWithAsync(_temp, DuckDb, "", ["report", "funnel", "--store", "Builder shop", "--from", "2024-03-01", "--to", "2024-03-31", .. args]);
        Assert.True(code == 0, error);
        return [.. JsonDocument.Parse(output).RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("reached").GetInt64())];
    }

    [Fact]
    public async Task A_four_step_funnel_built_and_saved_on_the_page_shows_after_a_reload_the_counts_the_command_line_gives()
    {
        var (imported, _, importError) = await InProcessCommand.RunWithAsync(_temp, DuckDb, "", "import", "--store", "Builder shop", "--events", _temp.WriteFile("events.csv", Events));
        Assert.True(imported == 0, importError);
        var printed = await CommandLineCountsAsync("--steps", Steps);
        Assert.Equal([5, 4, 2, 1], printed);

        var userId = await TestAccounts.CreateUserAsync(_temp, Email);
        var store = (await _temp.Stores.FindAsync("Builder shop"))!;
        await new StoreMemberships(_temp.Database).SetAsync(store.Id, userId, StoreRole.Owner);
        _app = await TestApp.StartAsync(_temp, DuckDb);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Address.ToString().TrimEnd('/'), Locale = "en-US" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(_app.Address.ToString());

        await page.GotoAsync($"/stores/{store.Id}/funnel?from=2024-03-01&to=2024-03-31");
        // The store's names are offered with their counts, a hostile one as plain text.
        await Expect(page.GetByLabel("Language")).ToBeEnabledAsync(); // the circuit is live: a pick reaches the server
        var pick = page.Locator(".fi-builder-pick input");
        var choices = page.Locator(".fi-builder-pick-list .mud-list-item");
        await pick.ClickAsync();
        await Expect(choices.Filter(new() { HasTextRegex = new Regex(@"^view_item_list \(") })).ToHaveTextAsync(new Regex(@"view_item_list.*\(5\)"));
        await Expect(choices.Filter(new() { HasText = "<img" })).ToHaveCountAsync(1);
        foreach (var step in Steps.Split(','))
        {
            await pick.FillAsync(step);
            await choices.Filter(new() { HasTextRegex = new Regex($@"^{step} \(") }).ClickAsync();
            await Expect(page.Locator(".fi-builder-add")).ToBeEnabledAsync();
            await page.ClickAsync(".fi-builder-add");
        }

        await Expect(page.Locator(".fi-builder-step")).ToHaveCountAsync(4);
        await Expect(page.Locator(".fi-builder-step-name")).ToContainTextAsync(Steps.Split(','));
        await page.ClickAsync(".fi-builder-show");
        await Expect(page).ToHaveURLAsync(new Regex("steps=view_item_list%2Cview_item%2Cadd_to_cart%2Cpurchase"));
        string[] expected = [.. printed.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(expected);
        await page.FillAsync(".fi-save-name input", "List to purchase");
        await page.ClickAsync(".fi-save-funnel");
        await Expect(page.Locator(".fi-saved-picker input")).ToHaveValueAsync("List to purchase");

        // The reload waits for the document, not for every resource's load event (the assertions below wait for what
        // they read); a reload that never answers fails with the dashboard's log.
        try
        {
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException ex)
        {
            Assert.Fail($"The reload did not answer: {ex.Message}\n{_app.Log}");
        }

        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(expected);
        await Expect(page.Locator(".fi-builder-step-name")).ToHaveTextAsync(Steps.Split(','));
        await Expect(page.Locator(".fi-funnel-table .fi-step-name")).ToHaveTextAsync(Steps.Split(','));

        // The saved funnel opens from the picker on the plain funnel page.
        await page.GotoAsync($"/stores/{store.Id}/funnel?from=2024-03-01&to=2024-03-31");
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveCountAsync(5);
        await Expect(page.GetByLabel("Language")).ToBeEnabledAsync();
        await page.ClickAsync(".fi-saved-picker");
        await page.Locator(".fi-saved-picker-list .mud-list-item", new() { HasText = "List to purchase" }).ClickAsync();
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(expected);
        Assert.Equal(0, dialogs);

        // With the dashboard stopped, the command line asks the saved funnel by its name.
        await _app.DisposeAsync();
        _app = null;
        var token = (await new ApiTokens(_temp.Database).CreateAsync(userId, "command line")).Secret;
        Assert.Equal(printed, await CommandLineCountsAsync("--funnel", "list to purchase", "--token", token));
    }
}
