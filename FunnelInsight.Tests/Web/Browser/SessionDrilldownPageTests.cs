namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class SessionDrilldownPageTests(DashboardApp app)
{
    [Fact]
    public async Task A_session_of_a_store_the_user_is_not_a_member_of_is_not_shown_and_its_page_is_a_404()
    {
        var storeId = await ReportSample.ImportAsync(app, "Drill-down members-only shop");
        await Support.TestAccounts.CreateUserAsync(app.Database, "outsider-session@browser.test");
        var page = await app.NewPageSignedInAsAsync("outsider-session@browser.test");

        var response = await page.GotoAsync($"/stores/{storeId}/session?key=s1");

        // A 404 with a page to read (a bodyless 404 shows as the browser's own error page, or fails to load here).
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator(".fi-not-found")).ToContainTextAsync("this store does not exist, or you are not a member of it");
        await Expect(page.Locator(".fi-event-name")).ToHaveCountAsync(0);
        Assert.DoesNotContain("session_start", await page.ContentAsync(), StringComparison.Ordinal);

        // In Arabic, the same page in Arabic.
        await app.UseCultureAsync(page, "ar");
        var arabic = await page.GotoAsync($"/stores/{storeId}/session?key=s1");
        Assert.Equal(404, arabic!.Status);
        await Expect(page.Locator(".fi-not-found")).ToContainTextAsync("هذا المتجر غير موجود، أو أنك لست عضوًا فيه");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task From_the_drop_off_panel_to_a_lost_session_and_its_timeline_and_back()
    {
        var storeId = await ReportSample.ImportAsync(app, "Drill-down shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31");
        await Expect(page.Locator(".fi-funnel-chart svg.apexcharts-svg")).ToBeVisibleAsync(); // drawn, so the circuit is live

        await page.Locator(".fi-stage-cart .fi-show-drop").ClickAsync();
        // The open panel is in the link; s3 and s10 stopped at their product view.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("dropoff=cart"));
        await Expect(page.Locator(".fi-drop-off-panel")).ToContainTextAsync("2 sessions stopped here");
        await page.Locator(".fi-see-lost").ClickAsync();

        await Expect(page.Locator(".fi-lost-sessions tbody tr")).ToHaveCountAsync(2);
        Assert.Contains($"/stores/{storeId}/funnel/lost?from=2024-03-01&to=2024-03-31&stage=cart", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".fi-lost-sessions .fi-session")).ToHaveTextAsync(["s10", "s3"]);
        await Expect(page.Locator(".fi-lost-sessions .fi-started")).ToHaveTextAsync(["2024-03-13 13:00:00", "2024-03-05 12:00:00"]);
        await DashboardApp.ScreenshotAsync(page, "lost-sessions");
        await page.Locator(".fi-lost-sessions .fi-session a").First.ClickAsync();

        await Expect(page.Locator(".fi-event-name")).ToHaveTextAsync(["session_start", "view_item"]);
        await Expect(page.Locator(".fi-reach")).ToHaveTextAsync(["Reached Landing", "Reached Product"]);
        await Expect(page.Locator(".fi-gap")).ToHaveTextAsync(["1 min 0 s later"]);
        await Expect(page.Locator(".fi-session-reached .fi-value")).ToHaveTextAsync("Product");
        Assert.EndsWith($"/stores/{storeId}/session?key=s10", page.Url, StringComparison.Ordinal);
        await DashboardApp.ScreenshotAsync(page, "session-timeline");

        await page.GoBackAsync();
        await page.Locator(".fi-back-to-funnel").ClickAsync();
        await Expect(page.Locator(".fi-drop-off-panel")).ToContainTextAsync("2 sessions stopped here");

        // In visitor scope the panel counts what the table counts: visitors (v3 and v10; c1's two sessions both bought).
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31&scope=visitor&dropoff=cart");
        await Expect(page.Locator(".fi-drop-off-intro")).ToHaveTextAsync("2 visitors stopped here. Their last event:");
        await Expect(page.Locator(".fi-exits th").Nth(1)).ToHaveTextAsync("Visitors");
        await Expect(page.Locator(".fi-stage-cart .fi-drop-off")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task In_arabic_on_a_phone_the_lost_sessions_and_the_timeline_read_right_to_left_without_sideways_scroll()
    {
        var storeId = await ReportSample.ImportAsync(app, "Drill-down phone shop");
        var page = await app.NewPageAsync("ar", 390, 900);

        await page.GotoAsync($"/stores/{storeId}/funnel/lost?from=2024-03-01&to=2024-03-31&stage=checkout");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        // Reached cart, not checkout: s2 only.
        await Expect(page.Locator(".fi-lost-sessions .fi-session")).ToHaveTextAsync(["s2"]);
        await DashboardApp.ScreenshotAsync(page, "lost-sessions-ar-390");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);

        await page.GotoAsync($"/stores/{storeId}/session?key=s2");
        await Expect(page.Locator(".fi-event-name")).ToHaveTextAsync(["session_start", "view_item", "add_to_cart"]);
        await Expect(page.Locator(".fi-reach").Last).ToContainTextAsync("وصلت إلى");
        await DashboardApp.ScreenshotAsync(page, "session-timeline-ar-390");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);

        await page.GotoAsync($"/stores/{storeId}/session?key=%3Cb%3Enope%3C%2Fb%3E");
        await Expect(page.Locator(".fi-session-unknown")).ToBeVisibleAsync();
        await Expect(page.Locator(".fi-session-unknown b")).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(page, "session-unknown-ar-390");
    }
}
