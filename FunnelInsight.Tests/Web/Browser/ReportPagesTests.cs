using FunnelInsight.Tests.Core.Analytics.BruteForce;

namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class ReportPagesTests(DashboardApp app)
{
    private static readonly string[] Pages = ["overview", "funnel", "leaks", "abandoned", "customers"];

    // The innermost elements that reach past the viewport's edges, to name what makes a page scroll sideways.
    private const string WidestElements = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1); })
            .filter(e => ![...e.children].some(c => { const r = c.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; }))
            .slice(0, 4).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} [${Math.round(e.getBoundingClientRect().left)}, ${Math.round(e.getBoundingClientRect().right)}]`).join('; ')
        """;

    // True once every chart container on the page holds the chart ApexCharts drew into it, and the page's fonts are loaded.
    private const string ChartsDrawn = """
        () => document.fonts.status === 'loaded'
            && [...document.querySelectorAll('[data-chart=apexcharts]')].every(c => c.querySelector('.apexcharts-canvas svg .apexcharts-graphical'))
        """;

    [Fact]
    public async Task An_imported_export_draws_the_funnel_as_five_bars_with_the_core_reports_stage_counts()
    {
        var storeId = await ReportSample.ImportAsync(app, "Funnel shop");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/stores/{storeId}/funnel");

        await Expect(page.Locator(".fi-funnel-chart svg .apexcharts-bar-series path")).ToHaveCountAsync(5);
        // Every bar is named under it, not only the first.
        await Expect(page.Locator(".fi-funnel-chart svg .apexcharts-xaxis-label")).ToHaveCountAsync(5);
        await Expect(page.Locator(".fi-funnel-chart svg .apexcharts-xaxis-label").Last).ToContainTextAsync("Purchase");
        var core = await new FunnelAnalytics(app.Database).FunnelAsync(new FunnelQuery(storeId));
        Assert.Equal(ReportSample.Reached, core.Total.Stages.Select(s => s.Reached!.Value));
        var shown = await page.Locator(".fi-funnel-table .fi-reached").AllInnerTextsAsync();
        Assert.Equal(ReportSample.Reached.Select(n => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"))), shown);
        await Expect(page.Locator(".fi-funnel-chart svg.apexcharts-svg")).ToContainTextAsync("12");
        await DashboardApp.ScreenshotAsync(page, "report-funnel-uploaded");
    }

    [Fact]
    public async Task A_funnel_link_with_filters_shows_that_view_its_drop_off_destinations_and_segment_comparison()
    {
        var storeId = await ReportSample.ImportAsync(app, "Shared link shop");
        var page = await app.NewPageAsync();

        // Mobile: s2, s3, s5, s7, s10, s12 land and view; s2, s5, s7, s12 add to cart; s5, s7, s12 check out; s5 buys.
        await page.GotoAsync($"/stores/{storeId}/funnel?device=mobile&breakdown=channel&compare=device&a=mobile&b=desktop");

        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(["6", "6", "4", "3", "1"]);
        var overall = page.Locator(".fi-compare-table tbody tr").Last;
        await Expect(overall).ToContainTextAsync("16.7%"); // mobile 1 of 6
        await Expect(overall).ToContainTextAsync("40.0%"); // desktop 2 of 5

        await Expect(page.Locator(".fi-funnel-chart svg.apexcharts-svg")).ToBeVisibleAsync(); // drawn, so the circuit is live
        // Mobile by channel: ads 3 landings (s2, s5, s12), then email, seo and social with one each.
        await Expect(page.Locator(".fi-breakdown-chart .apexcharts-legend-text")).ToHaveTextAsync(["ads", "email", "seo", "social"]);
        await page.Locator(".fi-stage-cart .fi-show-drop").ClickAsync();

        // s3 and s10 stopped at their product view.
        await Expect(page.Locator(".fi-exits tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".fi-exits tbody tr").First).ToContainTextAsync("view_item");
        await Expect(page.Locator(".fi-drop-off-panel")).ToContainTextAsync("2 sessions stopped here");
        await DashboardApp.ScreenshotAsync(page, "report-funnel-link");
    }

    [Fact]
    public async Task The_leak_csv_downloaded_from_the_leaks_page_has_the_numbers_the_page_shows()
    {
        var storeId = await ReportSample.ImportAsync(app, "Leak download shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/leaks");
        await Expect(page.Locator(".fi-leaks tbody tr")).ToHaveCountAsync(7); // 8 leaks, the coupon step lost no one
        var shown = new Dictionary<string, string>();
        foreach (var row in await page.Locator(".fi-leaks tbody tr").AllAsync())
        {
            var key = (await row.GetAttributeAsync("class"))!.Replace("fi-leak-", "", StringComparison.Ordinal);
            shown[key] = await row.Locator(".fi-leak-lost").InnerTextAsync();
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".fi-export-csv").First.ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Skip(1).Select(l => l.Split(','));

        var exported = lines.Where(c => c[5] != "0").ToDictionary(c => c[1], c => c[5]);
        Assert.Equal(shown.OrderBy(p => p.Key), exported.OrderBy(p => p.Key));
        Assert.Equal("2", shown["landing_to_product"]);
        // Named after the store, the report and the page's range (its default: the last 28 days with sessions).
        Assert.Matches("^leak-download-shop-leaks-2024-0[23]-[0-9]{2}-to-2024-03-[0-9]{2}\\.csv$", download.SuggestedFilename);

        // The filters that made the CSV are in its sidecar, offered beside it, its name as written (not "CSV'S FILTERS").
        await Expect(page.Locator(".fi-export-about").First).ToHaveTextAsync("CSV's filters", new() { UseInnerText = true });
        var about = await page.RunAndWaitForDownloadAsync(() => page.Locator(".fi-export-about").First.ClickAsync());
        var aboutLines = await File.ReadAllLinesAsync((await about.PathAsync())!);
        Assert.Equal("field,value", aboutLines[0].TrimStart('\uFEFF'));
        Assert.Contains("store,Leak download shop", aboutLines);
        Assert.Matches("^leak-download-shop-leaks-2024-0[23]-[0-9]{2}-to-2024-03-[0-9]{2}\\.about\\.csv$", about.SuggestedFilename);
    }

    [Fact]
    public async Task A_store_without_data_says_on_each_report_page_what_to_upload_with_a_button_to_the_imports_page()
    {
        var storeId = await app.CreateStoreAsync("Empty report shop");
        var page = await app.NewPageAsync(390, 800);
        foreach (var name in Pages)
        {
            await page.GotoAsync($"/stores/{storeId}/{name}");

            await Expect(page.Locator(".fi-report-empty").First).ToBeVisibleAsync();
            await Expect(page.Locator(".fi-report-empty a").First).ToHaveAttributeAsync("href", $"/stores/{storeId}/imports");
            await DashboardApp.ScreenshotAsync(page, $"report-{name}-empty");
        }
    }

    [Fact]
    public async Task Every_page_is_screenshot_in_english_and_arabic_at_desktop_and_phone_width_without_sideways_scroll()
    {
        // A busier shop than the sample (random paths through checkout), so charts and friction cards have something to show.
        var storeId = await ReportSample.ImportAsync(app, "Screenshot shop");
        var (_, busy) = RandomStore.Generate(seed: 11, sessions: 3000);
        await app.ImportEventsAsync(storeId, "busy-events.csv", busy);
        string[] others = ["imports", "settings", "members"];
        var overflowing = new List<string>();
        foreach (var (culture, width) in new[] { ("en", 1280), ("ar", 1280), ("en", 390), ("ar", 390) })
        {
            var page = await app.NewPageAsync(culture, width, 900);
            // The drill-downs too: the sessions lost after the cart, and one session's events (s1 is the sample's).
            var drillDowns = new[] { ("lost", $"/stores/{storeId}/funnel/lost?stage=cart"), ("session", $"/stores/{storeId}/session?key=s1") };
            foreach (var (name, path) in Pages.Concat(others).Select(n => (n, $"/stores/{storeId}/{n}")).Concat(drillDowns).Append(("home", "/")).Append(("tokens", "/account/tokens")))
            {
                await page.GotoAsync(path);
                await Expect(page.Locator(".fi-report-loading")).ToHaveCountAsync(0);
                await Expect(page.Locator(".fi-report-error")).ToHaveCountAsync(0);
                await Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0);
                // The picture once every chart on the page has drawn (animations are off) and the fonts are in.
                await page.WaitForFunctionAsync(ChartsDrawn);
                await DashboardApp.ScreenshotAsync(page, $"{(Pages.Contains(name) ? "report-" : "page-")}{name}-{culture}-{width}");
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    overflowing.Add($"{name} ({culture}, {width} px) is {scrollWidth} px wide: {await page.EvaluateAsync<string>(WidestElements)}");
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
    }

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ar", 1280)]
    [InlineData("en", 390)]
    [InlineData("ar", 390)]
    public async Task The_sign_in_page_is_screenshot_in_both_languages_at_both_widths_without_sideways_scroll(string culture, int width)
    {
        var page = await app.NewSignedOutPageAsync(width);
        await app.UseCultureAsync(page, culture);

        await page.GotoAsync("/account/login");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        // A static page (no circuit to wait for): pictured as soon as it is shown.
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardApp.ScreenshotFolder, $"page-login-{culture}-{width}.png"), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the sign-in page ({culture}, {width} px) is {scrollWidth} px wide: {await page.EvaluateAsync<string>(WidestElements)}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Chart_axes_group_their_digits_and_the_trend_names_its_unit(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Axis shop {culture}");
        var (_, busy) = RandomStore.Generate(seed: 5, sessions: 2500);
        await app.ImportEventsAsync(storeId, $"axis-events-{culture}.csv", busy);
        var page = await app.NewPageAsync(culture);

        await page.GotoAsync($"/stores/{storeId}/funnel");

        // 2,512 sessions land: the axis goes past 2,000 and writes it so (Latin digits in Arabic too), never 2000.
        var funnelAxis = page.Locator(".fi-funnel-chart .apexcharts-yaxis-label");
        await Expect(funnelAxis.Filter(new() { HasText = "2,000" })).ToHaveCountAsync(1);
        var trendAxis = await page.Locator(".fi-trend-chart .apexcharts-yaxis-label tspan").AllTextContentsAsync();
        Assert.NotEmpty(trendAxis);
        Assert.True(trendAxis.All(label => Regex.IsMatch(label.Trim(), @"^\d+%$")), string.Join(" | ", trendAxis));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_the_trends_dates_stand_apart_without_overlapping(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Phone trend shop {culture}");
        var (_, busy) = RandomStore.Generate(seed: 7, sessions: 2500);
        await app.ImportEventsAsync(storeId, $"phone-trend-{culture}.csv", busy);
        var page = await app.NewPageAsync(culture, 390, 900);

        await page.GotoAsync($"/stores/{storeId}/funnel?trend=daily");
        await Expect(page.Locator(".fi-trend-chart .apexcharts-xaxis-label").First).ToBeVisibleAsync();

        // Each drawn date label's horizontal extent, left to right; ApexCharts leaves a skipped label empty.
        var spans = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('.fi-trend-chart .apexcharts-xaxis-label')]
                .filter(l => l.textContent.trim() !== '')
                .map(l => { const r = l.getBoundingClientRect(); return [r.left, r.right]; })
                .sort((a, b) => a[0] - b[0])
            """);
        Assert.InRange(spans.Length, 2, 5);
        for (var i = 1; i < spans.Length; i++)
        {
            Assert.True(spans[i][0] >= spans[i - 1][1], $"label {i} starts at {spans[i][0]:0} before label {i - 1} ends at {spans[i - 1][1]:0}");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task The_trend_draws_each_rate_inside_its_95_percent_band_with_thin_weeks_hollow_and_time_running_with_the_reading_direction(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Trend band shop {culture}");
        var page = await app.NewPageAsync(culture);

        await page.GotoAsync($"/stores/{storeId}/funnel?trend=weekly");
        await Expect(page.Locator(".fi-trend-chart .apexcharts-line-series .apexcharts-marker")).ToHaveCountAsync(4);

        // Per series in the chart's order (the bands drawn first, under the lines), each point as [x, y in percent of the value axis, filled white]:
        // the value axis runs from 0% at the grid's bottom to 100% at its top.
        var series = await page.EvaluateAsync<double[][][]>("""
            () => {
                const grid = document.querySelector('.fi-trend-chart .apexcharts-grid').getBoundingClientRect();
                const points = group => [...group.querySelectorAll('.apexcharts-marker')].map(m => {
                    const r = m.getBoundingClientRect();
                    return [(r.left + r.right) / 2, 100 * (grid.bottom - (r.top + r.bottom) / 2) / grid.height, m.getAttribute('fill') === '#ffffff' ? 1 : 0];
                }).sort((a, b) => a[0] - b[0]);
                return [...document.querySelectorAll('.fi-trend-chart .apexcharts-line-series .apexcharts-series, .fi-trend-chart .apexcharts-rangeArea-series .apexcharts-series')].map(points);
            }
            """);
        Assert.Equal(4, series.Length);
        var (overallBand, overall, lastStep) = (series[0], series[2], series[3]);

        // Week of 4 March: s1 to s6 land, s1 and s5 buy (2 of 6); s1, s5, s6 check out (2 of 3). Week of 11 March:
        // s7 to s12 land, s11 buys (1 of 6); s7, s9, s11, s12 check out (1 of 4). Reading order puts the first week
        // on the left in English and on the right in Arabic.
        double[] Week(double[][] points, int week) => culture == "ar" ? points[points.Length - 1 - week] : points[week];
        Assert.Equal(33.3, Week(overall, 0)[1], 1.5);
        Assert.Equal(16.7, Week(overall, 1)[1], 1.5);
        Assert.Equal(66.7, Week(lastStep, 0)[1], 1.5);
        Assert.Equal(25.0, Week(lastStep, 1)[1], 1.5);

        // The band of the overall rate: Wilson 95% for 2 of 6 is 9.7%–70.0%, for 1 of 6 3.0%–56.4% (its lower then upper ends).
        var ends = overallBand.GroupBy(p => Math.Round(p[0])).OrderBy(g => culture == "ar" ? -g.Key : g.Key).Select(g => g.Select(p => p[1]).Order().ToArray()).ToArray();
        Assert.Equal(2, ends.Length);
        Assert.Equal([9.7, 70.0], ends[0], (a, b) => Math.Abs(a - b) < 1.5);
        Assert.Equal([3.0, 56.4], ends[1], (a, b) => Math.Abs(a - b) < 1.5);

        // Every week has fewer than 30 sessions behind each rate: every point of both lines is drawn hollow.
        Assert.All(overall.Concat(lastStep), point => Assert.Equal(1, point[2]));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_the_time_to_convert_buckets_are_named_slanted_apart_and_inside_the_chart(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Phone histogram shop {culture}");
        var (_, busy) = RandomStore.Generate(seed: 5, sessions: 2500);
        await app.ImportEventsAsync(storeId, $"phone-histogram-{culture}.csv", busy);
        var page = await app.NewPageAsync(culture, 390, 900);

        await page.GotoAsync($"/stores/{storeId}/funnel");
        var labels = page.Locator(".fi-time-histogram .apexcharts-xaxis-label");
        await Expect(labels.First).ToBeVisibleAsync();

        // Each bucket's label: its horizontal extent, its turn, and the chart's own extent.
        var drawn = await page.EvaluateAsync<double[][]>("""
            () => {
                const chart = document.querySelector('.fi-time-histogram svg').getBoundingClientRect();
                return [...document.querySelectorAll('.fi-time-histogram .apexcharts-xaxis-label')]
                    .map(l => { const r = l.getBoundingClientRect(); return [r.left, r.right, (l.getAttribute('transform') || '').includes('rotate(-45') ? 1 : 0, chart.left, chart.right]; })
                    .sort((a, b) => a[1] - b[1]);
            }
            """);
        Assert.Equal(8, drawn.Length); // under 1 min … 1 d or more
        Assert.All(drawn, label => Assert.Equal(1, label[2]));
        Assert.All(drawn, label => Assert.True(label[0] >= label[3] && label[1] <= label[4], $"a label spans [{label[0]:0}, {label[1]:0}] outside the chart [{label[3]:0}, {label[4]:0}]"));

        // Slanted 45° about their ends, two labels clear each other when their ends are a line's height / sin 45° apart.
        var lineHeight = await labels.First.EvaluateAsync<double>("l => parseFloat(getComputedStyle(l).fontSize)");
        for (var i = 1; i < drawn.Length; i++)
        {
            Assert.True(drawn[i][1] - drawn[i - 1][1] >= lineHeight / Math.Sin(Math.PI / 4), $"label {i} ends {drawn[i][1] - drawn[i - 1][1]:0.0} px after label {i - 1}");
        }
    }
}
