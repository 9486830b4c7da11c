namespace FunnelInsight.Tests.Web.Browser;

/// <summary>A merchant's first visit end to end: upload an export on the Imports page, then read its funnel.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class DashboardJourneyTests(DashboardApp app)
{
    [Fact]
    public async Task An_export_uploaded_through_the_page_is_drawn_as_five_funnel_bars_with_the_core_reports_counts()
    {
        var (page, storeId) = await app.OpenNewStoreAsync("Journey shop", "imports");
        await DashboardApp.ChooseUploadAsync(page, app.WriteFile("journey-events.csv", ReportSample.Events));
        await Expect(page.Locator(".fi-format")).ToBeVisibleAsync();
        await page.Locator(".fi-start-import").ClickAsync();
        var rows = ReportSample.Events.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync(rows.ToString(CultureInfo.InvariantCulture));

        await page.GotoAsync($"/stores/{storeId}/funnel");

        await Expect(page.Locator(".fi-funnel-chart svg .apexcharts-bar-series path")).ToHaveCountAsync(5);
        var core = await new FunnelAnalytics(app.Database).FunnelAsync(new FunnelQuery(storeId));
        var expected = core.Total.Stages.Select(s => s.Reached!.Value.ToString("N0", CultureInfo.GetCultureInfo("en"))).ToArray();
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(expected);
        Assert.Equal(ReportSample.Reached, core.Total.Stages.Select(s => s.Reached!.Value));
        await DashboardApp.ScreenshotAsync(page, "journey-funnel");
    }
}
