namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// axe-core (from npm, beside the dashboard's own packages) run in Chromium on every page in both languages: no
/// serious or critical violation of its rules.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class AccessibilityTests(DashboardApp app)
{
    // The Web project's node_modules: npm ci there brings axe-core in as a development package.
    private static readonly string AxeScript = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..",
        "FunnelInsight.Web", "node_modules", "axe-core", "axe.min.js"));

    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation(string culture)
    {
        var storeId = await ReportSample.ImportAsync(app, $"Accessible shop {culture}");
        var page = await app.NewPageAsync(culture);
        // An init script, as the page's own policy allows no inline script: every page the context opens has axe.
        var script = await File.ReadAllTextAsync(AxeScript);
        await page.Context.AddInitScriptAsync(script);
        string[] paths =
        [
            "/", "/account/tokens", $"/stores/{storeId}/overview", $"/stores/{storeId}/funnel?breakdown=channel", $"/stores/{storeId}/leaks",
            $"/stores/{storeId}/abandoned", $"/stores/{storeId}/customers", $"/stores/{storeId}/imports", $"/stores/{storeId}/settings",
            $"/stores/{storeId}/members", $"/stores/{storeId}/funnel/lost?stage=cart", $"/stores/{storeId}/session?key=s1",
        ];
        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(".fi-report-loading")).ToHaveCountAsync(0);
            await Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0);
            found.AddRange((await page.EvaluateAsync<string[]>(RunAxe)).Select(v => $"{path}: {v}"));
        }

        var signedOut = await app.NewSignedOutPageAsync();
        await signedOut.Context.AddInitScriptAsync(script);
        await signedOut.GotoAsync("/account/login");
        found.AddRange((await signedOut.EvaluateAsync<string[]>(RunAxe)).Select(v => $"/account/login: {v}"));

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
