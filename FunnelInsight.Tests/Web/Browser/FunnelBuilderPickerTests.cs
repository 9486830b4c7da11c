namespace FunnelInsight.Tests.Web.Browser;

/// <summary>The Funnel page builder's step and saved-funnel pickers: MudBlazor fields, used from the keyboard, in both directions.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class FunnelBuilderPickerTests(DashboardApp app)
{
    [Theory]
    [InlineData("en", 1280, "Landing")]
    [InlineData("ar", 390, "الوصول")]
    public async Task Steps_are_picked_from_the_keyboard_by_typing_part_of_a_name_and_the_list_fits_the_page(string culture, int width, string landing)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Picker shop {culture}");
        var page = await app.NewPageAsync(culture, width, 900);
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31");
        await Expect(page.GetByLabel(culture == "ar" ? "اللغة" : "Language")).ToBeEnabledAsync(); // connected

        // The picker is a labelled combobox, as the other filters are, not a bare select.
        var pick = page.GetByRole(AriaRole.Combobox, new() { Name = culture == "ar" ? "الخطوة" : "Step" });
        await Expect(pick).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator(".fi-funnel-builder select").CountAsync());

        // Typing narrows the list: the Landing stage's name holds no event name, and "view_it" leaves the sample's
        // view_item (10 events) alone; the arrow marks it and Enter takes it.
        var choices = page.Locator(".fi-builder-pick-list .mud-list-item");
        await pick.FocusAsync();
        await page.Keyboard.TypeAsync(landing);
        await Expect(pick).ToHaveValueAsync(landing); // every key typed kept (none lost to a selection made on focus)
        await Expect(choices).ToHaveCountAsync(1);
        var list = await page.Locator(".fi-builder-pick-list").BoundingBoxAsync();
        Assert.True(list!.X >= 0 && list.X + list.Width <= width, $"the list spans [{list.X:0}, {list.X + list.Width:0}] of a {width} px page");
        await DashboardApp.ScreenshotAsync(page, $"funnel-builder-picker-{culture}-{width}");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".fi-builder-add")).ToBeEnabledAsync();
        await page.Locator(".fi-builder-add").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".fi-builder-step-name")).ToHaveTextAsync([landing]);

        await pick.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("view_it");
        await Expect(pick).ToHaveValueAsync("view_it");
        await Expect(choices).ToHaveCountAsync(1);
        await Expect(choices).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"view_item\W+10\W"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".fi-builder-add")).ToBeEnabledAsync();
        await page.Locator(".fi-builder-add").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".fi-builder-step-name")).ToHaveTextAsync([landing, "view_item"]);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
    }
}
