namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class SavedViewsPageTests(DashboardApp app)
{
    [Fact]
    public async Task A_view_saved_on_the_funnel_page_opens_from_any_report_page_with_the_same_filters_for_every_member()
    {
        var storeId = await ReportSample.ImportAsync(app, "Saved views shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31&device=mobile&breakdown=channel");
        await Expect(page.Locator(".fi-funnel-chart svg.apexcharts-svg")).ToBeVisibleAsync(); // drawn, so the circuit is live
        await Expect(page.Locator(".fi-saved-views-none")).ToBeVisibleAsync();

        await page.Locator(".fi-save-view").ClickAsync();
        await page.Locator(".fi-view-name input").FillAsync("Mobile <b>by channel</b>");
        await page.Locator(".fi-view-save").ClickAsync();
        await Expect(page.Locator(".fi-saved-view-open")).ToHaveTextAsync(["Mobile <b>by channel</b>"]);
        await DashboardApp.ScreenshotAsync(page, "saved-views-funnel");

        // From another page with other filters, the view opens the funnel as it was saved: mobile's 6, 6, 4, 3, 1.
        await page.GotoAsync($"/stores/{storeId}/overview?device=desktop");
        await page.Locator(".fi-saved-view-open").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31&device=mobile&breakdown=channel");
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(["6", "6", "4", "3", "1"]);
        await Expect(page.Locator(".fi-filter-device")).ToContainTextAsync("mobile");
        await Expect(page.Locator(".fi-breakdown-chart .apexcharts-legend-text")).ToHaveTextAsync(["ads", "email", "seo", "social"]);

        // A marketer of the store sees it and opens it, but may not delete a view someone else saved.
        await app.AddMemberAsync(storeId, "marketer@views.test", StoreRole.Marketer);
        var marketer = await app.NewPageSignedInAsAsync("marketer@views.test");
        await marketer.GotoAsync($"/stores/{storeId}/leaks");
        await Expect(marketer.Locator(".fi-saved-view-open")).ToHaveTextAsync(["Mobile <b>by channel</b>"]);
        await Expect(marketer.Locator(".fi-saved-views b")).ToHaveCountAsync(0);
        await Expect(marketer.Locator(".fi-saved-view-delete")).ToHaveCountAsync(0);

        // Its owner deletes it.
        await Expect(page.Locator(".fi-saved-view-delete")).ToHaveCountAsync(1);
        await page.Locator(".fi-saved-view-delete").ClickAsync();
        await Expect(page.Locator(".fi-saved-views-none")).ToBeVisibleAsync();
        await marketer.ReloadAsync();
        await Expect(marketer.Locator(".fi-saved-views-none")).ToBeVisibleAsync();
    }
}
