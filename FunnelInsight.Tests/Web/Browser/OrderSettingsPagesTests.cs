namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class OrderSettingsPagesTests(DashboardApp app)
{
    [Fact]
    public async Task The_customers_page_shows_gross_refunds_and_net_and_names_the_orders_in_another_currency()
    {
        var storeId = await app.CreateStoreAsync("Refunds shop");
        await app.ImportAsync(new ImportRequest(storeId, ImportKind.Orders, Fixture.Path("shopify-refunds-june.csv")));
        await app.ImportAsync(new ImportRequest(storeId, ImportKind.Orders, Fixture.Path("shopify-refunds-july.csv")));
        await app.ImportAsync(new ImportRequest(storeId, ImportKind.Orders, app.WriteFile("eur-orders.csv", """
            order_id,customer_id,created_at,total,currency
            E1,c9,2024-06-26T10:00:00Z,500,EUR
            E2,c9,2024-06-27T10:00:00Z,700,EUR
            """)));
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/stores/{storeId}/customers");

        // 330 gross − 110 refunded = 220 net in USD; the two EUR orders (1,200) are in none of it.
        await Expect(page.Locator(".fi-revenue .fi-value")).ToHaveTextAsync("USD 220.00");
        await Expect(page.Locator(".fi-revenue .fi-detail")).ToHaveTextAsync("USD 330.00 gross − USD 110.00 refunds");
        await Expect(page.Locator(".fi-aov .fi-value")).ToHaveTextAsync("USD 55.00");
        await Expect(page.Locator(".fi-other-currency")).ToContainTextAsync("2 orders in EUR: not in these figures, which are in USD.");
        await Expect(page.Locator(".fi-orders .fi-detail")).ToHaveTextAsync("0 cancelled, 1 refunded, 0 without customer");
        await DashboardApp.ScreenshotAsync(page, "customers-refunds");
    }

    [Fact]
    public async Task The_settings_page_offers_the_zones_of_the_order_exports_offsets_and_saves_one()
    {
        var storeId = await app.CreateStoreAsync("Zone shop");
        await app.ImportAsync(new ImportRequest(storeId, ImportKind.Orders, app.WriteFile("pacific-orders.csv", """
            order_id,created_at,total
            1,2024-01-15 10:00:00 -0800,10
            2,2024-07-15 10:00:00 -0700,20
            """)));
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/settings");
        var zone = page.Locator(".fi-time-zone input");
        await Expect(page.Locator(".fi-save")).ToBeEnabledAsync();
        await Expect(zone).ToHaveValueAsync("UTC");
        await Expect(page.Locator(".fi-time-zone")).ToContainTextAsync("America/Los_Angeles");

        await zone.FillAsync("Pacific/Nowhere");
        await page.Locator(".fi-save").ClickAsync();
        await Expect(page.Locator(".fi-time-zone")).ToContainTextAsync("An IANA time zone");

        await zone.FillAsync("America/Los_Angeles");
        await page.Locator(".fi-save").ClickAsync();
        await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(zone).ToHaveValueAsync("America/Los_Angeles");
    }
}
