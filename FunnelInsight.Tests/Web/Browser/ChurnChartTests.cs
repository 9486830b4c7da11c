namespace FunnelInsight.Tests.Web.Browser;

/// <summary>The churn chart of a year of orders, at desktop and phone width: labels that can be read, counts in the tooltip.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class ChurnChartTests(DashboardApp app)
{
    // 150 customers through 2023; customer i buys in month m unless (i + m) is a multiple of 5: each month 120 of them
    // buy, and the 30 who do not all bought the month before. Churn is 25.0% (30 of 120) in every month from February.
    private static string YearOfOrders()
    {
        var csv = new StringBuilder("order_id,customer_id,email,created_at,subtotal,shipping,tax,discount,total,currency,status,channel\n");
        for (var month = 1; month <= 12; month++)
        {
            for (var i = 0; i < 150; i++)
            {
                if ((i + month) % 5 != 0)
                {
                    var day = month == 12 && i == 1 ? 31 : 1 + ((i * 3) + month) % 28;
                    csv.Append(CultureInfo.InvariantCulture, $"o{month}-{i},c{i},,2023-{month:00}-{day:00}T10:00:00Z,20,5,0,0,25,USD,paid,seo\n");
                }
            }
        }

        return csv.ToString();
    }

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ar", 1280)]
    [InlineData("en", 390)]
    public async Task A_year_of_churn_draws_labels_that_do_not_run_into_each_other_with_the_counts_in_the_tooltip(string culture, int width)
    {
        var storeId = await app.CreateStoreAsync($"Churn year shop {culture} {width}");
        await app.ImportAsync(new ImportRequest(storeId, ImportKind.Orders, app.WriteFile($"churn-year-{culture}-{width}.csv", YearOfOrders())));
        var page = await app.NewPageAsync(width, 900);
        await app.UseCultureAsync(page, culture);

        await page.GotoAsync($"/stores/{storeId}/customers");
        var bars = page.Locator(".fi-churn-chart .apexcharts-bar-area");
        await Expect(bars).ToHaveCountAsync(11);

        // The data labels drawn (not hidden), each as [left, right, top, bottom, text].
        var labels = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('.fi-churn-chart text.apexcharts-datalabel')]
                .filter(l => getComputedStyle(l).visibility !== 'hidden' && l.getBoundingClientRect().width > 0)
                .map(l => { const r = l.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom].map(String).concat(l.textContent); })
                .sort((a, b) => a[0] - b[0])
            """);
        double At(string[] label, int i) => double.Parse(label[i], CultureInfo.InvariantCulture);
        for (var i = 1; i < labels.Length; i++)
        {
            Assert.True(At(labels[i], 0) >= At(labels[i - 1], 1), $"“{labels[i][4]}” starts at {At(labels[i], 0):0} before “{labels[i - 1][4]}” ends at {At(labels[i - 1], 1):0}");
        }

        // At desktop width every month is labelled with its rate; a phone leaves the labels to the tooltip.
        Assert.Equal(width > 600 ? 11 : 0, labels.Length);
        Assert.All(labels, label => Assert.Equal("25.0%", FunnelInsight.Web.Components.UI.Bidi.Plain(label[4])));

        await bars.Nth(5).HoverAsync(new() { Force = true });
        var tooltip = page.Locator(".fi-churn-chart .apexcharts-tooltip");
        // Arabic keeps each number apart from the words around it (isolates between them and the spaces).
        await Expect(tooltip).ToContainTextAsync(new System.Text.RegularExpressions.Regex(culture == "ar"
            ? "25\\.0%\\W+\\(فُقد\\W+30\\W+من\\W+120\\W+عميل\\)"
            : "25\\.0% \\(30 of 120 customers lost\\)"));
        await page.Locator(".fi-churn-chart").ScreenshotAsync(new() { Path = Path.Combine(DashboardApp.ScreenshotFolder, $"churn-year-{culture}-{width}.png") });
    }

    [Theory]
    [InlineData("en", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task The_churn_tooltip_reads_in_the_page_language_direction(string culture, string direction)
    {
        var storeId = await app.CreateStoreAsync($"Churn tooltip shop {culture}");
        await app.ImportAsync(new ImportRequest(storeId, ImportKind.Orders, app.WriteFile($"churn-tooltip-{culture}.csv", YearOfOrders())));
        var page = await app.NewPageAsync(1280, 900);
        await app.UseCultureAsync(page, culture);

        await page.GotoAsync($"/stores/{storeId}/customers");
        var bars = page.Locator(".fi-churn-chart .apexcharts-bar-area");
        await Expect(bars).ToHaveCountAsync(11);
        await bars.Nth(5).HoverAsync(new() { Force = true });
        var tooltip = page.Locator(".fi-churn-chart .apexcharts-tooltip");
        await Expect(tooltip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("apexcharts-active"));

        // ApexCharts forces its canvas left to right; the tooltip, its title and each series row follow the page.
        foreach (var part in new[] { ".apexcharts-tooltip", ".apexcharts-tooltip-title", ".apexcharts-tooltip-series-group.apexcharts-active" })
        {
            var element = page.Locator($".fi-churn-chart {part}").First;
            Assert.Equal(direction, await element.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        }
    }
}
