namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class DrilldownLinksTests(DashboardApp app)
{
    [Fact]
    public async Task A_breakdown_value_opens_its_lost_sessions_at_a_stage_and_a_session_opens_its_visitors_other_sessions()
    {
        var storeId = await ReportSample.ImportAsync(app, "Breakdown drill shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31&breakdown=channel");
        await Expect(page.Locator(".fi-funnel-chart svg.apexcharts-svg")).ToBeVisibleAsync(); // drawn, so the circuit is live

        // ads: s2 stops at its cart, s9 and s12 in checkout, s5 buys.
        var ads = page.Locator(".fi-breakdown-table tbody tr").Filter(new() { Has = page.Locator(".fi-breakdown-label", new() { HasTextRegex = new Regex("^ads$") }) });
        await ads.Locator(".fi-breakdown-lost-menu button").ClickAsync();
        await Expect(page.Locator(".fi-breakdown-lost-checkout")).ToContainTextAsync("Lost before Checkout (1)");
        await Expect(page.Locator(".fi-breakdown-lost-purchase")).ToContainTextAsync("Lost before Purchase (2)");
        await Expect(page.Locator(".fi-breakdown-lost-cart")).ToHaveCountAsync(0);
        await page.Locator(".fi-breakdown-lost-purchase").ClickAsync();

        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/stores/{storeId}/funnel/lost?from=2024-03-01&to=2024-03-31&channel=ads&stage=purchase");
        await Expect(page.Locator(".fi-lost-sessions .fi-session")).ToHaveTextAsync(["s12", "s9"]);

        // c1 came three times in the sample's files: s1 and s11 are its sessions with events, both bought.
        await page.GotoAsync($"/stores/{storeId}/session?key=s1");
        await Expect(page.Locator(".fi-visitor-sessions .fi-other-session")).ToHaveTextAsync(["s11"]);
        await Expect(page.Locator(".fi-visitor-sessions .fi-other-started")).ToHaveTextAsync(["2024-03-14 10:00:00"]);
        await Expect(page.Locator(".fi-visitor-sessions .fi-other-reached")).ToHaveTextAsync(["Purchase"]);
        await DashboardApp.ScreenshotAsync(page, "session-visitor-sessions");
        await page.Locator(".fi-visitor-sessions .fi-other-session a").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/stores/{storeId}/session?key=s11");
        await Expect(page.Locator(".fi-visitor-sessions .fi-other-session")).ToHaveTextAsync(["s1"]);

        await page.GotoAsync($"/stores/{storeId}/session?key=s4");
        await Expect(page.Locator(".fi-visitor-no-others")).ToBeVisibleAsync();
    }
}
