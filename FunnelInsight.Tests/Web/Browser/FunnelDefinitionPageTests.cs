namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class FunnelDefinitionPageTests(DashboardApp app)
{
    // s1 pays without begin_checkout: its shipping step reaches checkout. s2 begins checkout and leaves. s3 logs in
    // after its cart, which reaches nothing. Ordered: 3 land, 3 view, 3 add to cart, 2 check out, 1 buys.
    private const string SubStepEvents = """
        event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms
        2024-03-04T10:00:00Z,session_start,s1,u1,,,,,desktop,seo,US,
        2024-03-04T10:01:00Z,view_item,s1,u1,p1,20,,,desktop,seo,US,
        2024-03-04T10:02:00Z,add_to_cart,s1,u1,p1,20,1,,desktop,seo,US,
        2024-03-04T10:03:00Z,add_shipping_info,s1,u1,,,,,desktop,seo,US,
        2024-03-04T10:04:00Z,add_payment_info,s1,u1,,,,,desktop,seo,US,
        2024-03-04T10:05:00Z,purchase,s1,u1,p1,20,1,o1,desktop,seo,US,
        2024-03-05T10:00:00Z,session_start,s2,u2,,,,,desktop,seo,US,
        2024-03-05T10:01:00Z,view_item,s2,u2,p2,10,,,desktop,seo,US,
        2024-03-05T10:02:00Z,add_to_cart,s2,u2,p2,10,1,,desktop,seo,US,
        2024-03-05T10:03:00Z,begin_checkout,s2,u2,,,,,desktop,seo,US,
        2024-03-06T10:00:00Z,session_start,s3,u3,,,,,desktop,seo,US,
        2024-03-06T10:01:00Z,view_item,s3,u3,p3,10,,,desktop,seo,US,
        2024-03-06T10:02:00Z,add_to_cart,s3,u3,p3,10,1,,desktop,seo,US,
        2024-03-06T10:03:00Z,login,s3,u3,,,,,desktop,seo,US,
        """;

    [Fact]
    public async Task A_purchase_after_the_shipping_and_payment_steps_without_begin_checkout_reaches_checkout_on_the_funnel_page()
    {
        var storeId = await app.CreateStoreAsync("Sub-step shop");
        await app.ImportEventsAsync(storeId, "sub-step-events.csv", SubStepEvents);
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31");
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(["3", "3", "3", "2", "1"]);
    }

    // Two sessions say "Mobile", three "mobile", one "desktop": one mobile row of 5, spelt as most sessions spell it.
    private const string Events = """
        event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms
        2024-03-04T10:00:00Z,session_start,s1,u1,,,,,Mobile,seo,US,
        2024-03-04T10:01:00Z,view_item,s1,u1,p1,20,,,Mobile,seo,US,
        2024-03-04T11:00:00Z,session_start,s2,u2,,,,,Mobile,seo,US,
        2024-03-05T10:00:00Z,session_start,s3,u3,,,,,mobile,ads,US,
        2024-03-05T10:01:00Z,view_item,s3,u3,p3,10,,,mobile,ads,US,
        2024-03-05T10:02:00Z,add_to_cart,s3,u3,p3,10,1,,mobile,ads,US,
        2024-03-06T10:00:00Z,session_start,s4,u4,,,,,mobile,ads,US,
        2024-03-07T10:00:00Z,session_start,s5,u5,,,,,mobile,email,US,
        2024-03-07T12:00:00Z,session_start,s6,u6,,,,,desktop,email,US,
        """;

    [Fact]
    public async Task Device_values_that_differ_only_in_case_are_one_breakdown_row_with_the_filters_count()
    {
        var storeId = await app.CreateStoreAsync("Casing shop");
        await app.ImportEventsAsync(storeId, "casing-events.csv", Events);
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31&breakdown=device");
        await Expect(page.Locator(".fi-breakdown-table .fi-breakdown-label")).ToHaveTextAsync(["mobile", "desktop"]);
        await Expect(page.Locator(".fi-breakdown-table .fi-breakdown-landed")).ToHaveTextAsync(["5", "1"]);

        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31&device=MOBILE");
        await Expect(page.Locator(".fi-funnel-table .fi-reached").First).ToHaveTextAsync("5");
        await DashboardApp.ScreenshotAsync(page, "report-funnel-device-casing");
    }
}
