namespace FunnelInsight.Tests.Web.Browser;

/// <summary>The dashboard shows each role only what it may use: no export buttons that would answer 403.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class RoleAwareUiTests(DashboardApp app)
{
    [Fact]
    public async Task A_marketer_sees_no_export_buttons_and_an_analyst_does()
    {
        var storeId = await app.CreateStoreAsync("Role aware shop");
        var memberships = new StoreMemberships(app.Database);
        await memberships.SetAsync(storeId, await TestAccounts.CreateUserAsync(app.Database, "role-marketer@browser.test"), StoreRole.Marketer);
        await memberships.SetAsync(storeId, await TestAccounts.CreateUserAsync(app.Database, "role-analyst@browser.test"), StoreRole.Analyst);

        var marketer = await app.NewPageSignedInAsAsync("role-marketer@browser.test");
        await marketer.GotoAsync($"/stores/{storeId}/funnel");
        var analyst = await app.NewPageSignedInAsAsync("role-analyst@browser.test");
        await analyst.GotoAsync($"/stores/{storeId}/funnel");

        await Expect(analyst.Locator(".fi-export-csv")).ToBeVisibleAsync();
        await Expect(marketer.Locator(".fi-report-empty")).ToBeVisibleAsync();
        await Expect(marketer.Locator(".fi-export")).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(marketer, "marketer-funnel");
        await marketer.Context.CloseAsync();
        await analyst.Context.CloseAsync();
    }

    [Fact]
    public async Task Adding_an_unknown_e_mail_on_the_members_page_suggests_no_shell_command_built_from_it()
    {
        var (page, _) = await app.OpenNewStoreAsync("Members message shop", "members");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add or change" })).ToBeEnabledAsync();
        var typed = "x$(touch /tmp/pwned)@shop.test";

        await page.Locator("input[type=email]").FillAsync(typed);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add or change" }).ClickAsync();

        var message = page.Locator(".fi-member-message");
        await Expect(message).ToContainTextAsync("There is no account for " + typed);
        await Expect(message).Not.ToContainTextAsync("--email");
        await page.Context.CloseAsync();
    }
}
