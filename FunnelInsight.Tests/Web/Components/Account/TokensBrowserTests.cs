using FunnelInsight.Core.Accounts;
using FunnelInsight.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunnelInsight.Tests.Web.Components.Account;

/// <summary>In real Chromium: sign in, create an API token on the tokens page, use it, revoke it.</summary>
public sealed class TokensBrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task A_user_signs_in_creates_a_token_shown_once_that_works_and_revokes_it_with_no_policy_violation()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Alpha Shop");
        var userId = await TestAccounts.CreateUserAsync(db, "analyst@shops.test");
        await new StoreMemberships(db.Database).SetAsync(store.Id, userId, StoreRole.Analyst);
        await using var app = await TestApp.StartAsync(db);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { BaseURL = app.Address.ToString() });
        // Generous waits: the suite shares two cores with app processes starting in parallel.
        page.SetDefaultTimeout(60_000);
        SetDefaultExpectTimeout(30_000);
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // The favicon is the dashboard shell's; any other failure (a blocked script or style) counts.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync("account/tokens");
        Assert.EndsWith("/account/login?ReturnUrl=%2Faccount%2Ftokens", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#email", "analyst@shops.test");
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/tokens");

        var create = page.GetByRole(AriaRole.Button, new() { Name = "Create token" });
        await Expect(create).ToBeEnabledAsync();
        await page.FillAsync("#token-name", "nightly export");
        await create.ClickAsync();
        var secret = (await page.Locator("#new-token").TextContentAsync())?.Trim() ?? "";

        Assert.StartsWith(ApiTokens.TokenPrefix, secret, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "nightly export" })).ToBeVisibleAsync();
        using var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using (var response = await client.GetAsync(new Uri($"api/stores/{store.Id}/reports/funnel.json", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.GetByText("revoked ")).ToBeVisibleAsync();
        using (var response = await client.GetAsync(new Uri($"api/stores/{store.Id}/reports/funnel.json", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await page.ReloadAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }
}
