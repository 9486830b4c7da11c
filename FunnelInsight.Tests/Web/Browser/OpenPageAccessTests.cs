namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// Access is decided per action: a member removed or lowered while their page is open is stopped at their next
/// action (save, upload, filter change) and told why, without anything done.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class OpenPageAccessTests(DashboardApp app)
{
    [Fact]
    public async Task An_owner_lowered_to_analyst_while_settings_are_open_cannot_save_them()
    {
        var (storeId, userId, page) = await OpenAsMemberAsync("Lowered settings shop", "lowered-settings@browser.test", StoreRole.Owner, "settings");
        await Expect(page.Locator(".fi-save")).ToBeEnabledAsync(); // the circuit is live
        var currency = page.Locator(".fi-currency input");
        await currency.FillAsync("EUR");

        await new StoreMemberships(app.Database).SetAsync(storeId, userId, StoreRole.Analyst);
        await page.Locator(".fi-save").ClickAsync();

        await Expect(page.Locator(".fi-access-changed")).ToBeVisibleAsync();
        await DashboardApp.ScreenshotAsync(page, "access-changed-settings");
        Assert.Equal("USD", (await new StoreSettingsService(app.Database).GetAsync(storeId))!.Currency);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_owner_removed_while_the_imports_page_is_open_cannot_upload()
    {
        var (storeId, userId, page) = await OpenAsMemberAsync("Removed imports shop", "removed-imports@browser.test", StoreRole.Owner, "imports");
        var file = app.WriteFile("removed-owner.csv", "event_time,event_type,session_id\n2024-03-01T10:00:00Z,session_start,s1\n");

        // The circuit is live (Blazor has hooked the file input) before the owner is removed.
        await page.WaitForFunctionAsync("() => document.querySelector('.fi-dropzone input[type=file]')?._blazorInputFileNextFileId !== undefined");

        await new StoreMemberships(app.Database).RemoveAsync(storeId, userId);
        await DashboardApp.ChooseUploadAsync(page, file);

        await Expect(page.Locator(".fi-access-changed")).ToBeVisibleAsync();
        var uploads = app.Database.StoreFilesFolder(storeId);
        Assert.False(Directory.Exists(uploads) && Directory.EnumerateFiles(uploads).Any(), "the refused upload was stored");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_removed_while_a_report_is_open_gets_no_numbers_for_a_new_filter()
    {
        var (storeId, userId, page) = await OpenAsMemberAsync("Removed report shop", "removed-report@browser.test", StoreRole.Marketer, "funnel");
        await Expect(page.Locator(".fi-report-empty")).ToBeVisibleAsync();
        // The language menu is enabled once the circuit is live, so the navigation below happens inside it, as a filter change does.
        await Expect(page.Locator("[aria-label=Language] button, button[aria-label=Language]").First).ToBeEnabledAsync();

        await new StoreMemberships(app.Database).RemoveAsync(storeId, userId);
        await page.EvaluateAsync($"() => Blazor.navigateTo('/stores/{storeId}/funnel?mode=open')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("mode=open"));
        await DashboardApp.ScreenshotAsync(page, "access-changed-report");

        await Expect(page.Locator(".fi-access-changed")).ToBeVisibleAsync();
        await Expect(page.Locator(".fi-report-empty")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<(int StoreId, string UserId, Microsoft.Playwright.IPage Page)> OpenAsMemberAsync(string store, string email, StoreRole role, string storePage)
    {
        var storeId = await app.CreateStoreAsync(store);
        var userId = await TestAccounts.CreateUserAsync(app.Database, email);
        await new StoreMemberships(app.Database).SetAsync(storeId, userId, role);
        var page = await app.NewPageSignedInAsAsync(email);
        await page.GotoAsync($"/stores/{storeId}/{storePage}");
        return (storeId, userId, page);
    }
}
