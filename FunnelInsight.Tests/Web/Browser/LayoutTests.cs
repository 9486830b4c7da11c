namespace FunnelInsight.Tests.Web.Browser;

/// <summary>What the screenshots showed cut, covered or misaligned, measured in Chromium at desktop and phone width.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class LayoutTests(DashboardApp app)
{
    // Each end-aligned cell's computed alignment, and the end of each column's header text against the end of its first number.
    private const string EndAlignment = """
        table => {
            const textEdges = cell => { const range = document.createRange(); range.selectNodeContents(cell); const r = range.getBoundingClientRect(); return [r.left, r.right]; };
            const rtl = getComputedStyle(table).direction === 'rtl';
            const header = [...table.querySelectorAll('thead th')];
            const first = [...table.querySelector('tbody tr').children];
            return header.map((th, i) => [th, first[i]]).filter(([th]) => th.classList.contains('text-end')).map(([th, td]) => {
                const [h, d] = [textEdges(th), textEdges(td)];
                return `${th.textContent.trim()}: ${getComputedStyle(th).textAlign}/${getComputedStyle(td).textAlign} ${Math.round(rtl ? h[0] - d[0] : h[1] - d[1])}`;
            });
        }
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task A_numeric_columns_header_ends_where_its_numbers_end(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Aligned shop {culture}");
        var page = await app.NewPageAsync(culture);

        await page.GotoAsync($"/stores/{storeId}/leaks?from=2024-03-01&to=2024-03-31");
        await Expect(page.Locator(".fi-leaks tbody tr").First).ToBeVisibleAsync();

        await Expect(page.GetByLabel(culture == "ar" ? "اللغة" : "Language")).ToBeEnabledAsync(); // connected
        await Expect(page.Locator(".fi-leaks tbody tr").First).ToBeVisibleAsync();

        // Reached, lost, drop rate and lost revenue: aligned to the end (the left in Arabic), header and numbers alike.
        // Measured on the table the document holds at that moment (a handle taken earlier may be one a render replaced,
        // whose computed style is empty).
        var columns = await page.EvaluateAsync<string[]>($"() => ({EndAlignment})(document.querySelector('.fi-leaks table'))");
        Assert.Equal(4, columns.Length);
        Assert.All(columns, column => Assert.Matches(@": end/end -?[01]$", column));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_every_toggle_shows_its_whole_word(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Toggle shop {culture}");
        var page = await app.NewPageAsync(culture, 390, 900);
        var clipped = new List<string>();
        foreach (var name in new[] { "funnel", "leaks", "abandoned" })
        {
            await page.GotoAsync($"/stores/{storeId}/{name}");
            await Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0);
            await DashboardApp.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator(".mud-main-content .mud-toggle-group").First).ToBeVisibleAsync();

            // Each toggle's word against the button's box: a word wider than its button is cut by the button's edge.
            clipped.AddRange(await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.mud-main-content .mud-toggle-item')].filter(b => {
                    const range = document.createRange(); range.selectNodeContents(b);
                    const text = range.getBoundingClientRect(), box = b.getBoundingClientRect();
                    return b.scrollWidth > b.clientWidth + 1 || text.left < box.left - 1 || text.right > box.right + 1;
                }).map(b => `${location.pathname}: “${b.textContent.trim()}”`)
                """));
        }

        Assert.Empty(clipped);
    }

    [Fact]
    public async Task The_layout_is_marked_interactive_only_once_the_circuit_has_rendered_it()
    {
        var storeId = await ReportSample.ImportAsync(app, "Interactive mark shop");
        var unconnected = await app.NewPageAsync();
        await unconnected.RouteAsync("**/_framework/blazor.web.js", route => route.AbortAsync());
        await unconnected.GotoAsync($"/stores/{storeId}/overview");
        await Expect(unconnected.GetByLabel("Language")).ToBeDisabledAsync();
        await Expect(unconnected.Locator("[data-interactive]")).ToHaveCountAsync(0);

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/overview");
        await DashboardApp.WaitUntilInteractiveAsync(page);
        // Checked at once, not waited for: the mark comes with the render that enables the buttons.
        Assert.True(await page.GetByLabel("Language").IsEnabledAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task The_menu_leaves_the_content_uncovered_on_the_page_as_first_sent_and_once_connected(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Drawer shop {culture}");
        var page = await app.NewPageAsync(culture);
        // Without Blazor's script the page stays as the server first sent it (what a slow connection shows for a while).
        await page.RouteAsync("**/_framework/blazor.web.js", route => route.AbortAsync());

        await page.GotoAsync($"/stores/{storeId}/overview");
        await Expect(page.Locator(".mud-drawer--open")).ToBeVisibleAsync();
        await Expect(page.GetByLabel(culture == "ar" ? "اللغة" : "Language")).ToBeDisabledAsync(); // not connected
        Assert.Equal(0, await OverlapAsync(page));

        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel(culture == "ar" ? "اللغة" : "Language")).ToBeEnabledAsync(); // connected
        Assert.Equal(0, await OverlapAsync(page));
    }

    // How far the open drawer reaches over the page's content, in pixels (0 when they are side by side).
    private static Task<int> OverlapAsync(IPage page) => page.EvaluateAsync<int>("""
        () => {
            const drawer = document.querySelector('.mud-drawer').getBoundingClientRect();
            const content = document.querySelector('.mud-main-content > .mud-container').getBoundingClientRect();
            return Math.max(0, Math.round(Math.min(drawer.right, content.right) - Math.max(drawer.left, content.left)));
        }
        """);

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ar", 1280)]
    [InlineData("en", 390)]
    [InlineData("ar", 390)]
    public async Task A_sessions_summary_shows_its_start_time_whole_and_the_drill_down_pages_fit_the_width(string culture, int width)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Summary shop {culture} {width}");
        var page = await app.NewPageAsync(culture, width);

        await page.GotoAsync($"/stores/{storeId}/funnel/lost?from=2024-03-01&to=2024-03-31&stage=cart");
        await Expect(page.Locator(".fi-lost-sessions .fi-session")).ToHaveCountAsync(2);
        await DashboardApp.ScreenshotAsync(page, $"page-lost-sessions-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);

        await page.GotoAsync($"/stores/{storeId}/session?key=s10");
        await Expect(page.Locator(".fi-session-started .fi-value")).ToContainTextAsync("2024-03-13 13:00:00");
        await DashboardApp.ScreenshotAsync(page, $"page-session-{culture}-{width}");
        // Each value's text inside its card: none runs past the card's edge (where it was cut).
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.fi-session-summary .fi-figure')]
                .filter(card => { const v = card.querySelector('.fi-value'); return v.scrollWidth > v.clientWidth || v.getBoundingClientRect().right > card.getBoundingClientRect().right + 1; })
                .map(card => card.textContent.trim())
            """);
        Assert.Empty(cut);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_the_checkout_steps_are_named_apart_and_a_leaks_name_takes_at_most_two_lines(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Phone leaks shop {culture}");
        var (_, busy) = FunnelInsight.Tests.Core.Analytics.BruteForce.RandomStore.Generate(seed: 3, sessions: 600);
        await app.ImportEventsAsync(storeId, $"phone-leaks-{culture}.csv", busy);
        var page = await app.NewPageAsync(culture, 390);

        await page.GotoAsync($"/stores/{storeId}/leaks");
        var labels = page.Locator(".fi-checkout-chart .apexcharts-xaxis-label");
        await Expect(labels).ToHaveCountAsync(5);

        // The five step names do not fit upright side by side ("Shipping details" ran into "Coupon"): slanted 45° about
        // their ends, two clear each other when their ends are a line's height / sin 45° apart.
        await DashboardApp.ScreenshotAsync(page, $"leaks-checkout-steps-{culture}-390");
        var drawn = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('.fi-checkout-chart .apexcharts-xaxis-label')]
                .map(l => { const r = l.getBoundingClientRect(); return [r.right, (l.getAttribute('transform') || '').includes('rotate(-45') ? 1 : 0, parseFloat(getComputedStyle(l).fontSize)]; })
                .sort((a, b) => a[0] - b[0])
            """);
        Assert.All(drawn, label => Assert.Equal(1, label[1]));
        for (var i = 1; i < drawn.Length; i++)
        {
            Assert.True(drawn[i][0] - drawn[i - 1][0] >= drawn[i][2] / Math.Sin(Math.PI / 4), $"label {i} ends {drawn[i][0] - drawn[i - 1][0]:0.0} px after label {i - 1}");
        }

        // "Left after shipping details" was four lines of one word in a column squeezed by the numbers beside it.
        var lines = await page.Locator(".fi-leaks .fi-leak-where").EvaluateAllAsync<double[]>(
            "cells => cells.map(c => { const range = document.createRange(); range.selectNodeContents(c); return range.getClientRects().length; })");
        Assert.NotEmpty(lines);
        Assert.All(lines, n => Assert.InRange(n, 1, 2));
    }
}
