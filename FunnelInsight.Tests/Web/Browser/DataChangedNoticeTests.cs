using HttpStatusCode = System.Net.HttpStatusCode;

namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class DataChangedNoticeTests(DashboardApp app)
{
    // Two more sessions on 20 March: one lands and leaves, one buys.
    private const string MoreEvents = """
        event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country
        2024-03-20T10:00:00Z,session_start,n1,n1,,,,,desktop,seo,US
        2024-03-20T11:00:00Z,session_start,n2,n2,,,,,desktop,seo,US
        2024-03-20T11:01:00Z,view_item,n2,n2,p1,20,,,desktop,seo,US
        2024-03-20T11:02:00Z,add_to_cart,n2,n2,p1,20,1,,desktop,seo,US
        2024-03-20T11:03:00Z,begin_checkout,n2,n2,,,,,desktop,seo,US
        2024-03-20T11:04:00Z,purchase,n2,n2,p1,20,1,n2o,desktop,seo,US
        """;

    [Theory]
    [InlineData("en", "Show the new figures")]
    [InlineData("ar", "اعرض الأرقام الجديدة")]
    public async Task An_open_funnel_page_says_when_an_import_through_the_api_changed_its_store_and_shows_the_new_numbers_on_refresh(string culture, string refresh)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Data change shop {culture}");
        var page = await OpenFunnelAsync(storeId, culture);

        using var client = app.App.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync());
        using var response = await client.PostAsync(new Uri($"api/stores/{storeId}/imports/events?fileName=more-{culture}.csv", UriKind.Relative),
            new StringContent(MoreEvents, Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        // Still the numbers it showed, with the notice; its button loads the page again with the two new sessions.
        await Expect(page.Locator(".fi-data-changed")).ToBeVisibleAsync();
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(Counts(culture, "12", "10", "8", "7", "3"));
        await Expect(page.Locator(".fi-data-refresh")).ToContainTextAsync(refresh);
        await DashboardApp.ScreenshotAsync(page, $"data-changed-{culture}");
        await page.Locator(".fi-data-refresh").ClickAsync();
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(Counts(culture, "14", "11", "9", "8", "4"));
        await Expect(page.Locator(".fi-data-changed")).ToHaveCountAsync(0);
        Assert.EndsWith($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_funnel_page_says_when_a_settings_change_rebuilt_its_stores_sessions()
    {
        var storeId = await ReportSample.ImportAsync(app, "Settings change shop");
        var page = await OpenFunnelAsync(storeId, "en");

        // A longer session timeout: the sessions are rebuilt (the sample's sessions are far apart, so they stay twelve).
        var settings = new FunnelInsight.Core.Stores.StoreSettingsService(app.Database);
        var current = (await settings.GetAsync(storeId))!;
        var saved = await settings.SaveAsync(storeId, current with { SessionTimeoutMinutes = current.SessionTimeoutMinutes + 15 });
        Assert.Empty(saved.Errors);
        Assert.True(saved.SessionsRebuilt > 0);

        await Expect(page.Locator(".fi-data-changed")).ToBeVisibleAsync();
        await page.Locator(".fi-data-refresh").ClickAsync();
        await Expect(page.Locator(".fi-data-changed")).ToHaveCountAsync(0);
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(["12", "10", "8", "7", "3"]);
    }

    // The sample's funnel for March, drawn by a live circuit, without a notice yet.
    private async Task<IPage> OpenFunnelAsync(int storeId, string culture)
    {
        var page = await app.NewPageAsync(culture);
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31");
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(Counts(culture, "12", "10", "8", "7", "3"));
        await Expect(page.Locator(".fi-funnel-chart svg.apexcharts-svg")).ToBeVisibleAsync(); // drawn, so the circuit is live
        await Expect(page.Locator(".fi-data-changed")).ToHaveCountAsync(0);
        return page;
    }

    // Arabic pages keep each number left to right in one piece (Unicode isolates around it).
    private static string[] Counts(string culture, params string[] counts) =>
        culture == "ar" ? [.. counts.Select(c => $"\u2066{c}\u2069")] : counts;
}
