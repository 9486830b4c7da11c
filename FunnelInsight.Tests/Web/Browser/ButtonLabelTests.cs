namespace FunnelInsight.Tests.Web.Browser;

/// <summary>Button labels are drawn as the resources write them, never upper-cased by the component library.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class ButtonLabelTests(DashboardApp app)
{
    // Each button whose drawn text (innerText, which text-transform changes) is not its text as written.
    private const string ChangedLabels = """
        () => [...document.querySelectorAll('.mud-button-root, .mud-toggle-item')]
            .filter(b => b.offsetParent !== null)
            .map(b => [b.innerText.replace(/\s+/g, ' ').trim(), b.textContent.replace(/\s+/g, ' ').trim()])
            .filter(([drawn, written]) => drawn !== written)
            .map(([drawn, written]) => `${written} drawn as ${drawn}`)
        """;

    [Theory]
    [InlineData("en", "CSV's filters")]
    [InlineData("ar", "مرشحات CSV")]
    public async Task The_export_filters_button_and_every_other_button_read_as_written(string culture, string filters)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Button label shop {culture}");
        var page = await app.NewPageAsync(culture);

        // The pages with exports, once their report (and so its buttons) is drawn; then the pages without.
        foreach (var storePage in (string[])["funnel", "leaks", "abandoned", "customers"])
        {
            await page.GotoAsync($"/stores/{storeId}/{storePage}");
            await Expect(page.Locator(".fi-export-about").First).ToHaveTextAsync(filters, new() { UseInnerText = true });
            Assert.Empty(await page.EvaluateAsync<string[]>(ChangedLabels));
        }

        foreach (var (storePage, drawn) in ((string, string)[])[("overview", ".fi-headline"), ("imports", ".fi-dropzone"), ("settings", ".fi-save")])
        {
            await page.GotoAsync($"/stores/{storeId}/{storePage}");
            await Expect(page.Locator(drawn).First).ToBeVisibleAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>(ChangedLabels));
        }
    }
}
