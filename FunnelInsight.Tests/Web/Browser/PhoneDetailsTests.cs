using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Tests.Web.Browser;

/// <summary>What a new user sees on a 390 px phone, in Arabic and English: names cut at their end, ids whole, signs in place, labels apart.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class PhoneDetailsTests(DashboardApp app)
{
    // GA4 writes a session as "<visitor>.<time>"-like keys: long, with no space to break at.
    private const string LongSession = "1709546400.2083413955.17";
    private const string LongVisitor = "GA1.1.2083413955.1709546400";

    [Theory]
    [InlineData("Demo Store of the Riyadh Branch", "ltr")]
    [InlineData("متجر فرع الرياض التجريبي الكبير", "rtl")]
    public async Task On_an_arabic_phone_the_store_switcher_keeps_the_start_of_the_store_name_visible(string name, string direction)
    {
        var storeId = await app.CreateStoreAsync(name);
        var page = await ArabicPhoneAsync();

        await page.GotoAsync($"/stores/{storeId}/imports");
        var input = page.Locator(".fi-store-switcher [role=combobox]");
        await Expect(input).ToHaveTextAsync(name);
        // The circuit is live (the switcher drawn again by it, not the prerendered one).
        await page.WaitForFunctionAsync("() => document.querySelector('.fi-dropzone input[type=file]')?._blazorInputFileNextFileId !== undefined");

        // Read in its own direction, a name that does not fit is cut at its end: its first letter stays in view.
        await Expect(input).ToHaveCSSAsync("direction", direction);
        Assert.True(await input.EvaluateAsync<bool>("i => i.scrollWidth > i.clientWidth"), "the name should be longer than the switcher");
        var (box, first) = (await input.BoundingBoxAsync(), await input.EvaluateAsync<double[]>("""
            i => { const t = document.createTreeWalker(i, NodeFilter.SHOW_TEXT).nextNode(); const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, 1); const b = r.getBoundingClientRect(); return [b.left, b.right]; }
            """));
        Assert.True(first[0] >= box!.X - 0.5 && first[1] <= box.X + box.Width + 0.5, $"the first letter is drawn at [{first[0]:0}, {first[1]:0}], outside the switcher [{box.X:0}, {box.X + box.Width:0}]");
        // The switcher itself stays mirrored: its shop icon on the right of the name in Arabic.
        var icon = await page.Locator(".fi-store-switcher .mud-input-adornment-start").BoundingBoxAsync();
        Assert.True(icon!.X >= box.X + box.Width - 1, $"the icon at {icon.X:0} is not right of the name, which ends at {box.X + box.Width:0}");
        await input.Locator("xpath=ancestor::div[contains(@class,'fi-store-switcher')]").ScreenshotAsync(new() { Path = Path.Combine(DashboardApp.ScreenshotFolder, $"phone-store-switcher-{direction}.png") });
    }

    [Theory]
    [InlineData("en", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task On_a_phone_the_tokens_page_keeps_the_start_of_choose_a_store_and_the_create_button_on_one_line(string culture, string direction)
    {
        await app.CreateStoreAsync($"Tokens phone shop {culture}");
        var page = await PhoneAsync(culture);

        await page.GotoAsync("/account/tokens");
        var create = page.Locator(".fi-create-token");
        await Expect(create).ToBeEnabledAsync();

        // No store is chosen here: the placeholder reads in the page's language, so it is cut at its end ("Choose a…").
        var input = page.Locator(".fi-store-switcher [role=combobox]");
        await Expect(input).ToHaveCSSAsync("direction", direction);
        var (box, first) = (await input.BoundingBoxAsync(), await input.EvaluateAsync<double[]>("""
            i => { const t = document.createTreeWalker(i, NodeFilter.SHOW_TEXT).nextNode(); const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, 1); const b = r.getBoundingClientRect(); return [b.left, b.right]; }
            """));
        Assert.True(first[0] >= box!.X - 0.5 && first[1] <= box.X + box.Width + 0.5, $"the first letter is drawn at [{first[0]:0}, {first[1]:0}], outside the switcher [{box.X:0}, {box.X + box.Width:0}]");

        // The button's label is drawn on one line, and the page does not scroll sideways.
        var lines = await create.EvaluateAsync<int>("""
            b => { const t = document.createTreeWalker(b, NodeFilter.SHOW_TEXT, { acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP }).nextNode();
                   const r = document.createRange(); r.selectNodeContents(t); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }
            """);
        Assert.Equal(1, lines);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await DashboardApp.ScreenshotAsync(page, $"phone-tokens-{culture}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_a_long_session_id_stays_on_one_line_and_the_lost_sessions_scroll_inside_their_card(string culture)
    {
        var storeId = await app.CreateStoreAsync($"Long ids shop {culture}");
        var events = $"""
            event_time,event_type,session_id,user_id,product_id,price,quantity,device,channel,country
            2024-03-05T11:00:00Z,session_start,{LongSession},{LongVisitor},,,,mobile,ads,DE
            2024-03-05T11:01:00Z,view_item,{LongSession},{LongVisitor},p2,15,,mobile,ads,DE
            2024-03-05T11:02:00Z,add_to_cart,{LongSession},{LongVisitor},p2,15,1,mobile,ads,DE
            2024-03-05T12:00:00Z,session_start,s2,v2,,,,mobile,ads,DE
            2024-03-05T12:01:00Z,begin_checkout,s2,v2,,,,mobile,ads,DE
            """;
        await app.ImportEventsAsync(storeId, $"long-ids-{culture}.csv", events);
        var page = await PhoneAsync(culture);

        await page.GotoAsync($"/stores/{storeId}/funnel/lost?from=2024-03-01&to=2024-03-31&stage=checkout");
        var session = page.Locator(".fi-lost-sessions .fi-session a");
        await Expect(session).ToHaveTextAsync(LongSession);

        // The lines each cell's text is drawn on, and whether the table is wider than its card, measured in one go (the
        // circuit's first render replaces the prerendered table: a cell measured as it goes is on no line at all).
        var measured = await (await page.WaitForFunctionAsync("""
            () => {
                const lines = sel => { const e = document.querySelector(sel); if (!e) return 0; const r = document.createRange(); r.selectNodeContents(e);
                    return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
                const counts = ['.fi-lost-sessions .fi-session a', '.fi-lost-sessions .fi-visitor', '.fi-lost-sessions .fi-started'].map(lines);
                const box = document.querySelector('.fi-lost-sessions .mud-table-container');
                return counts.every(n => n > 0) && box ? [...counts, box.scrollWidth > box.clientWidth ? 1 : 0] : null;
            }
            """)).JsonValueAsync<int[]>();
        Assert.True(measured[..3].All(n => n == 1), $"session, visitor and start are drawn on {string.Join(", ", measured[..3])} lines");

        // The table is wider than the phone: it scrolls inside its card, never the page.
        Assert.Equal(1, measured[3]);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await DashboardApp.ScreenshotAsync(page, $"phone-lost-sessions-{culture}");
    }

    [Fact]
    public async Task The_arabic_trend_legend_keeps_the_percent_sign_after_its_95()
    {
        var storeId = await ReportSample.ImportAsync(app, "Legend shop");
        var page = await ArabicPhoneAsync();

        await page.GotoAsync($"/stores/{storeId}/funnel?trend=weekly");
        var legend = page.Locator(".fi-trend-chart .apexcharts-legend-text").Nth(1);
        await Expect(legend).ToContainTextAsync("95");

        // Where "9", "5" and "%" of "95%" are drawn: left to right as in every language's numbers, the sign right after the 5.
        var drawn = await legend.EvaluateAsync<double[][]>("""
            e => {
                const node = [...e.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('95')) ?? e.firstChild;
                const at = node.textContent.indexOf('95');
                return [at, at + 1, node.textContent.indexOf('%')].map(i => {
                    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                    const b = r.getBoundingClientRect(); return [b.left, b.right];
                });
            }
            """);
        Assert.True(drawn[0][1] <= drawn[1][0] + 0.5 && drawn[1][1] <= drawn[2][0] + 0.5 && drawn[2][0] - drawn[1][1] < 3,
            $"9 at [{drawn[0][0]:0}, {drawn[0][1]:0}], 5 at [{drawn[1][0]:0}, {drawn[1][1]:0}], % at [{drawn[2][0]:0}, {drawn[2][1]:0}]");
        await page.Locator(".fi-trend-chart .apexcharts-legend").ScreenshotAsync(new() { Path = Path.Combine(DashboardApp.ScreenshotFolder, "phone-trend-legend-ar.png") });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_the_funnel_stage_names_under_the_bars_stand_apart(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Stage labels shop {culture}");
        var page = await PhoneAsync(culture);

        await page.GotoAsync($"/stores/{storeId}/funnel");
        var labels = page.Locator(".fi-funnel-chart .apexcharts-xaxis-label");
        await Expect(labels).ToHaveCountAsync(5);

        // Each stage's label (its name over its step rate and drop-off), left to right: a clear gap between neighbours.
        var spans = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('.fi-funnel-chart .apexcharts-xaxis-label')]
                .map(l => { const r = l.getBoundingClientRect(); return [r.left, r.right]; })
                .sort((a, b) => a[0] - b[0])
            """);
        for (var i = 1; i < spans.Length; i++)
        {
            Assert.True(spans[i][0] - spans[i - 1][1] >= 4, $"label {i} starts at {spans[i][0]:0.0}, {spans[i][0] - spans[i - 1][1]:0.0} px after label {i - 1} ends");
        }

        await page.Locator(".fi-funnel-chart").ScreenshotAsync(new() { Path = Path.Combine(DashboardApp.ScreenshotFolder, $"phone-funnel-chart-{culture}.png") });
    }

    [Theory]
    [InlineData("en", "Sign out")]
    [InlineData("ar", "تسجيل الخروج")]
    public async Task On_a_phone_sign_out_is_one_icon_button_on_one_line_in_both_languages(string culture, string name)
    {
        var (storeId, page) = (await app.CreateStoreAsync($"Sign out shop {culture}"), await PhoneAsync(culture));

        await page.GotoAsync($"/stores/{storeId}/imports");
        var button = page.Locator(".fi-sign-out");

        // Its words hidden (where "SIGN OUT" wrapped onto two lines), its name still there for a screen reader.
        await Expect(button).ToHaveAccessibleNameAsync(name);
        await Expect(button.Locator(".fi-sign-out-text")).ToBeHiddenAsync();
        // One line, about the icon's height, inside the phone's width.
        var sizes = await button.EvaluateAsync<double[]>("b => { const r = b.getBoundingClientRect(), i = b.querySelector('svg').getBoundingClientRect(); return [r.height, i.height, r.right, r.left]; }");
        Assert.True(sizes[0] <= sizes[1] * 2.5, $"the button is {sizes[0]:0} px tall around a {sizes[1]:0} px icon");
        Assert.True(sizes[2] <= 390 && sizes[3] >= 0, $"the button spans [{sizes[3]:0}, {sizes[2]:0}] px, past the phone's edge");
    }

    private Task<IPage> ArabicPhoneAsync() => PhoneAsync("ar");

    private Task<IPage> PhoneAsync(string culture) => app.NewPageAsync(culture, 390, 900);
}
