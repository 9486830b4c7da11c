namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class DateRangeTests(DashboardApp app)
{
    // Two sessions in January, more than 28 days before the last day with data (10 March); three in March.
    private const string Events = """
        event_time,event_type,session_id
        2025-01-05T10:00:00Z,session_start,j1
        2025-01-20T10:00:00Z,session_start,j2
        2025-03-01T10:00:00Z,session_start,m1
        2025-03-01T10:01:00Z,view_item,m1
        2025-03-05T10:00:00Z,session_start,m2
        2025-03-10T10:00:00Z,session_start,m3
        """;

    private async Task<int> StoreAsync(string name)
    {
        var storeId = await app.CreateStoreAsync(name);
        await app.ImportEventsAsync(storeId, name + ".csv", Events);
        return storeId;
    }

    [Fact]
    public async Task Without_a_range_the_overview_and_the_funnel_cover_the_same_last_28_days_and_the_filter_bar_shows_them()
    {
        var storeId = await StoreAsync("Default range shop");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/stores/{storeId}/funnel");

        // 11 February – 10 March: m1, m2, m3.
        await Expect(page.Locator(".fi-funnel-table .fi-stage-landing .fi-reached")).ToHaveTextAsync("3");
        await Expect(page.Locator(".fi-filter-from input")).ToHaveValueAsync("2025-02-11");
        await Expect(page.Locator(".fi-filter-to input")).ToHaveValueAsync("2025-03-10");
        await Expect(page.Locator(".fi-range-active")).ToHaveTextAsync(["Last 28 days"]);
        await Expect(page.Locator(".fi-range-default")).ToBeVisibleAsync();

        await page.GotoAsync($"/stores/{storeId}/overview");
        await Expect(page.Locator(".fi-headline-sessions .fi-value")).ToHaveTextAsync("3");
        await Expect(page.Locator(".fi-range-active")).ToHaveTextAsync(["Last 28 days"]);
        await DashboardApp.ScreenshotAsync(page, "range-default-overview");
    }

    [Theory]
    [InlineData("en", "(the default: all the data)")]
    [InlineData("ar", "(النطاق الافتراضي: كل البيانات)")]
    public async Task The_customers_page_says_its_default_is_all_the_data_not_days_counted_back(string culture, string caption)
    {
        var storeId = await StoreAsync($"All time default shop {culture}");
        var page = await app.NewPageAsync();
        await app.UseCultureAsync(page, culture);

        await page.GotoAsync($"/stores/{storeId}/customers");

        // Nothing is counted back for all time: the caption of the last 28 days would be wrong here.
        await Expect(page.Locator(".fi-range-active")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fi-range-all"));
        await Expect(page.Locator(".fi-range-default")).ToHaveTextAsync(caption);

        // A page whose default is a preset keeps saying where its days are counted from.
        await page.GotoAsync($"/stores/{storeId}/leaks");
        await Expect(page.Locator(".fi-range-active")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fi-range-last28"));
        await Expect(page.Locator(".fi-range-default")).Not.ToHaveTextAsync(caption);
    }

    [Fact]
    public async Task A_preset_puts_its_range_in_the_link_and_see_all_keeps_it()
    {
        var storeId = await StoreAsync("Preset shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/overview");
        await Expect(page.Locator(".fi-headline-sessions .fi-value")).ToHaveTextAsync("3");
        await Expect(page.GetByLabel("Language")).ToBeEnabledAsync(); // the circuit is live

        await page.Locator(".fi-range-all").ClickAsync();

        await Expect(page.Locator(".fi-headline-sessions .fi-value")).ToHaveTextAsync("5");
        Assert.Contains("from=2025-01-05", page.Url, StringComparison.Ordinal);
        Assert.Contains("to=2025-03-10", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".fi-range-default")).ToHaveCountAsync(0);
        await Expect(page.Locator(".fi-range-active")).ToHaveTextAsync(["All time"]);
        await page.Locator(".fi-range-this-year").ClickAsync();
        await Expect(page.Locator(".fi-range-active")).ToHaveTextAsync(["This year"]);
        await page.Locator(".fi-range-all").ClickAsync();
        await Expect(page.Locator(".fi-range-active")).ToHaveTextAsync(["All time"]);

        await page.Locator(".fi-see-all-leaks").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/stores/{storeId}/leaks\\?"));
        Assert.Contains("from=2025-01-05", page.Url, StringComparison.Ordinal);
        // The data starts in January: the last 90 days, this year and all time are the same days; the one chosen is marked.
        Assert.Contains("range=all", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".fi-range-active")).ToHaveTextAsync(["All time"]);

        // The menu's report links carry the range too.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Funnel", Exact = true }).ClickAsync();
        await Expect(page.Locator(".fi-funnel-table .fi-stage-landing .fi-reached")).ToHaveTextAsync("5");
        Assert.Contains("from=2025-01-05", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Funnel", Exact = true })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
    }

    [Fact]
    public async Task A_day_typed_into_the_from_field_sets_the_range_and_the_calendar_opens_on_the_datas_month()
    {
        var storeId = await StoreAsync("Typed date shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/funnel");
        await Expect(page.Locator(".fi-funnel-table .fi-stage-landing .fi-reached")).ToHaveTextAsync("3");
        await Expect(page.GetByLabel("Language")).ToBeEnabledAsync(); // the circuit is live

        var from = page.Locator(".fi-filter-from input");
        await from.FillAsync("2025-03-05");
        await from.PressAsync("Tab");

        // m2 and m3.
        await Expect(page.Locator(".fi-funnel-table .fi-stage-landing .fi-reached")).ToHaveTextAsync("2");
        Assert.Contains("from=2025-03-05", page.Url, StringComparison.Ordinal);

        await page.Locator(".fi-filter-to .mud-input-adornment button").ClickAsync();
        await Expect(page.Locator(".mud-picker-calendar-header-transition").First).ToContainTextAsync("March 2025");
    }

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ar", 1280)]
    [InlineData("en", 390)]
    [InlineData("ar", 390)]
    public async Task A_ranges_days_show_whole_in_the_date_fields_in_both_languages_at_both_widths(string culture, int width)
    {
        var storeId = await StoreAsync($"Whole date shop {culture} {width}");
        var page = await app.NewPageAsync(culture, width, 900);

        await page.GotoAsync($"/stores/{storeId}/funnel?from=2025-03-01&to=2025-03-10");
        // The circuit is live: the fields measured are the ones it drew, not the prerendered ones it replaces.
        await Expect(page.GetByLabel(culture == "ar" ? "اللغة" : "Language")).ToBeEnabledAsync();

        foreach (var (field, day) in ((string, string)[])[(".fi-filter-from input", "2025-03-01"), (".fi-filter-to input", "2025-03-10")])
        {
            var input = page.Locator(field);
            await Expect(input).ToHaveValueAsync(day);
            // Where the field cut its own value ("2025-03-0", "025-11-30"), its text was wider than the box it is drawn in.
            var measured = await input.EvaluateAsync<double[]>("""
                i => { const s = getComputedStyle(i), c = document.createElement('canvas').getContext('2d'); c.font = s.font;
                       return [c.measureText(i.value).width, i.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)]; }
                """);
            Assert.True(measured[0] <= measured[1], $"{field} ({culture}, {width} px) draws {day} in {measured[0]:0} px inside {measured[1]:0} px");
        }
    }
}
