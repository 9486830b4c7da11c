namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class SettingsPageTests(DashboardApp app)
{
    [Fact]
    public async Task A_stage_map_with_an_unknown_key_is_refused_and_a_valid_one_is_saved()
    {
        var (page, _) = await app.OpenNewStoreAsync("Settings shop", "settings");
        var map = page.Locator(".fi-stage-map textarea");
        await Expect(page.Locator(".fi-save")).ToBeEnabledAsync(); // the circuit is live: edits now reach the server
        await Expect(map).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^landing: session_start"));
        await DashboardApp.ScreenshotAsync(page, "settings");

        await map.FillAsync("landing: session_start\nbasket: add_to_cart");
        await page.Locator(".fi-save").ClickAsync();
        await Expect(page.Locator(".fi-stage-map")).ToContainTextAsync("Unknown stage map key 'basket'");
        await DashboardApp.ScreenshotAsync(page, "settings-error");

        await map.FillAsync("landing: session_start\ncart: add_to_cart, basket_add");
        await page.Locator(".fi-save").ClickAsync();
        await Expect(page.GetByText("Settings saved; 0 sessions rebuilt.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(map).ToHaveValueAsync("landing: session_start\ncart: add_to_cart, basket_add");
    }
}
