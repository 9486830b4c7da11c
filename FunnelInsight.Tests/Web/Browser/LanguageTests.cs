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

    [Theory]
    [InlineData("customers", ".fi-repeat .fi-reference", "32.0")]
    [InlineData("overview", ".fi-headline-cart_abandonment .fi-reference", "69.6")]
    public async Task In_arabic_a_reference_figure_reads_in_arabic_with_its_percent_sign_after_its_digits(string storePage, string reference, string digits)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Arabic reference shop {storePage}");
        var page = await app.NewPageAsync();
        await app.UseCultureAsync(page, "ar");

        await page.GotoAsync($"/stores/{storeId}/{storePage}");
        var line = page.Locator(reference);
        await Expect(line).ToContainTextAsync("المرجع:");
        await Expect(page.GetByLabel("اللغة")).ToBeEnabledAsync(); // the circuit has drawn the page it measures

        // Where the digits and the percent sign are drawn: an Arabic word before a bare "32.0%" makes it an Arabic number,
        // and the bidirectional algorithm then puts its percent sign on its left ("%32.0").
        var drawn = await line.EvaluateAsync<string[]>($$"""
            e => {
                const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT); let t;
                while ((t = w.nextNode()) && !t.textContent.includes('{{digits}}%'));
                const at = t.textContent.indexOf('{{digits}}%');
                const box = (a, b) => { const r = document.createRange(); r.setStart(t, a); r.setEnd(t, b); return r.getBoundingClientRect(); };
                const number = box(at, at + {{digits.Length}}), sign = box(at + {{digits.Length}}, at + {{digits.Length + 1}});
                return [String(number.right), String(sign.left), [...t.textContent].map(c => c.codePointAt(0).toString(16)).join(' ')];
            }
            """);
        Assert.True(double.Parse(drawn[1], System.Globalization.CultureInfo.InvariantCulture) >= double.Parse(drawn[0], System.Globalization.CultureInfo.InvariantCulture) - 0.5,
            $"the % is drawn at {drawn[1]}, left of the digits that end at {drawn[0]}: {drawn[2]}");
    }
}
