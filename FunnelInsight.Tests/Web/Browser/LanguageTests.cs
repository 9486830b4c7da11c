using static Microsoft.Playwright.Assertions;

namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class LanguageTests(DashboardApp app)
{
    [Fact]
    public async Task Switching_to_arabic_lays_the_page_out_right_to_left_and_back()
    {
        var (page, storeId) = await app.OpenNewStoreAsync("متجر الرياض", "imports");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator(".fi-dropzone input[type=file]")).ToBeAttachedAsync(); // the circuit is live

        await page.GetByLabel("Language").ClickAsync();
        await page.GetByText("العربية").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("h5").First).ToHaveTextAsync("الاستيراد");
        Assert.EndsWith($"/stores/{storeId}/imports", page.Url, StringComparison.Ordinal);
        await DashboardApp.ScreenshotAsync(page, "imports-arabic");

        await page.GotoAsync($"/stores/{storeId}/settings");
        await Expect(page.Locator(".fi-save")).ToContainTextAsync("حفظ");
        await Expect(page.Locator(".fi-save")).ToBeEnabledAsync();
        await DashboardApp.ScreenshotAsync(page, "settings-arabic");

        await page.GetByLabel("اللغة").ClickAsync();
        await page.GetByText("English").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }
}
