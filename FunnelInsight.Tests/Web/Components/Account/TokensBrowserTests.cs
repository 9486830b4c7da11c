using FunnelInsight.Tests.Web.Browser;

namespace FunnelInsight.Tests.Web.Components.Account;

/// <summary>In real Chromium: sign in, create an API token on the tokens page, use it, revoke it.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class TokensBrowserTests(DashboardApp app)
{
    [Fact]
    public async Task A_user_signs_in_creates_a_token_shown_once_that_works_and_revokes_it_with_no_policy_violation()
    {
        var storeId = await app.CreateStoreAsync("Token shop");
        await app.AddMemberAsync(storeId, "analyst@tokens.test", StoreRole.Analyst);
        var page = await app.NewSignedOutPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // The favicon is the dashboard shell's; any other failure (a blocked script or style) counts.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync("account/tokens");
        Assert.EndsWith("/account/login?ReturnUrl=%2Faccount%2Ftokens", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#email", "analyst@tokens.test");
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/tokens");

        var create = page.GetByRole(AriaRole.Button, new() { Name = "Create token" });
        await Expect(create).ToBeEnabledAsync();
        await page.FillAsync("#token-name", "nightly export");
        await create.ClickAsync();
        var secret = (await page.Locator("#new-token").TextContentAsync())?.Trim() ?? "";

        Assert.StartsWith(ApiTokens.TokenPrefix, secret, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "nightly export" })).ToBeVisibleAsync();
        using var client = app.App.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using (var response = await client.GetAsync(new Uri($"api/stores/{storeId}/reports/funnel.json", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.GetByText("revoked ")).ToBeVisibleAsync();
        using (var response = await client.GetAsync(new Uri($"api/stores/{storeId}/reports/funnel.json", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await page.ReloadAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Theory]
    [InlineData("ar", 1280)]
    [InlineData("ar", 390)]
    [InlineData("en", 390)]
    public async Task The_curl_example_stays_one_left_to_right_line_that_scrolls_in_its_own_box_not_the_page(string culture, int width)
    {
        var page = await app.NewPageAsync(width, 900);
        await app.UseCultureAsync(page, culture);

        await page.GotoAsync("/account/tokens");
        await Expect(page.Locator(".fi-create-token")).ToBeEnabledAsync(); // the circuit has drawn the page it measures
        var sample = page.Locator(".fi-code-sample");
        await Expect(sample).ToContainTextAsync("curl -H \"Authorization: Bearer TOKEN\" https://…/api/stores/ID/reports/funnel.csv");
        await Expect(sample).ToHaveCSSAsync("direction", "ltr");

        // Drawn on one line, never broken inside a word ("fu" / "nnel.csv"), starting with "curl" at the box's left edge.
        var measured = await sample.EvaluateAsync<double[]>("""
            e => {
                const t = document.createTreeWalker(e, NodeFilter.SHOW_TEXT).nextNode(), all = document.createRange(), first = document.createRange();
                all.selectNodeContents(t); first.setStart(t, 0); first.setEnd(t, 1);
                const box = e.getBoundingClientRect();
                return [new Set([...all.getClientRects()].map(x => Math.round(x.top))).size, first.getBoundingClientRect().left, box.left, box.right];
            }
            """);
        Assert.Equal(1, measured[0]);
        Assert.InRange(measured[1], measured[2], measured[2] + 20);
        var box = (await sample.BoundingBoxAsync())!;

        // The box stays inside the page; on a phone the command scrolls inside it, and the page does not scroll sideways.
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"the sample spans [{box.X:0}, {box.X + box.Width:0}] of a {width} px page");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
        await DashboardApp.ScreenshotAsync(page, $"tokens-curl-{culture}-{width}");
    }
}
