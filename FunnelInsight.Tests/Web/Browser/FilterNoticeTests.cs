namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class FilterNoticeTests(DashboardApp app)
{
    [Fact]
    public async Task A_report_address_with_a_misspelt_key_and_a_bad_value_says_so_and_drops_them_from_the_address()
    {
        var storeId = await app.CreateStoreAsync("Filter notice shop");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/stores/{storeId}/funnel?devcie=mobile&mode=opne&channel=ads");

        var notice = page.Locator(".fi-filter-notice");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("devcie=mobile");
        await Expect(notice).ToContainTextAsync("mode=opne");
        await page.WaitForURLAsync(new Regex($"/stores/{storeId}/funnel\\?channel=ads$"));
        await DashboardApp.ScreenshotAsync(page, "filter-notice");
        await page.Context.CloseAsync();
    }
}
