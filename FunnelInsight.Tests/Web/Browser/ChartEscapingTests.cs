namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// Text from data reaches the charts (a channel is whatever a visitor's UTM tag said). Every chart type drawn with
/// hostile series names, categories, tooltip and data-label texts and annotations, then hovered so that its tooltips
/// show, must create no element from them and show them as text.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class ChartEscapingTests(DashboardApp app)
{
    // Each payload creates an element with an id starting "hostile" if any part of a chart parses it as HTML.
    private static readonly string[] Hostile =
    [
        "<div id=\"hostile-cover\" style=\"position:fixed;inset:0\">Session expired: <a href=\"https://evil.example\">sign in again</a></div>",
        "<img id=\"hostile-img\" src=\"x\">",
        "<meta id=\"hostile-meta\" http-equiv=\"refresh\" content=\"600;url=about:blank\">",
        "\"><b id=\"hostile-quote\">q</b>",
        "&lt;b id=\"hostile-entity\"&gt;",
    ];

    public static TheoryData<string> ChartTypes => new() { "bar", "horizontal-bar", "line", "area", "heatmap", "pie", "donut" };

    [Theory]
    [MemberData(nameof(ChartTypes))]
    public async Task A_chart_given_hostile_texts_everywhere_creates_no_element_from_them_and_shows_them_as_text(string type)
    {
        var (page, _) = await app.OpenNewStoreAsync($"Hostile chart {type}", "imports");
        await page.EvaluateAsync("""
            () => { const div = document.createElement('div'); div.id = 'test-chart'; div.style.width = '700px'; document.body.prepend(div); }
            """);

        await page.EvaluateAsync("async ([type, hostile]) => { window.testChart = (await import('/js/apexchart.js')).create(document.getElementById('test-chart'), " + Options(type) + "); }",
            new object[] { type, Hostile });
        await Expect(page.Locator("#test-chart svg.apexcharts-svg")).ToHaveCountAsync(1);

        var shapes = page.Locator("#test-chart .apexcharts-bar-area, #test-chart .apexcharts-heatmap-rect, #test-chart .apexcharts-pie-area, #test-chart .apexcharts-marker, #test-chart .apexcharts-area, #test-chart .apexcharts-line");
        var count = Math.Min(await shapes.CountAsync(), 6);
        Assert.True(count > 0, $"the {type} chart drew nothing to hover");
        for (var i = 0; i < count; i++)
        {
            await shapes.Nth(i).HoverAsync(new() { Force = true });
        }

        var grid = page.Locator("#test-chart .apexcharts-grid").First;
        if (await grid.CountAsync() > 0)
        {
            await grid.HoverAsync(new() { Force = true });
        }

        await DashboardApp.ScreenshotAsync(page, $"chart-escaping-{type}");
        Assert.Equal(0, await page.Locator("[id^=hostile], meta[http-equiv]").CountAsync());

        // The texts are there, as text: in the legend where the chart has one, else in its SVG labels or tooltip.
        var shown = await page.Locator("#test-chart").TextContentAsync() ?? "";
        Assert.Contains("<img id=\"hostile-img\" src=\"x\">", shown);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_escaping_helper_turns_markup_into_text()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var escaped = await page.EvaluateAsync<string>("async () => (await import('/js/apexchart.js')).escapeHtml(`<a href=\"x\" title='y'>&amp;</a>`)");
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;", escaped);
        await page.Context.CloseAsync();
    }

    // The options a caller might pass, with every text field it could fill taken from the hostile list.
    private static string Options(string type)
    {
        var texts = "[hostile, hostile]";
        var annotations = """
            annotations: {
              xaxis: [{ x: hostile[1], label: { text: hostile[0] } }],
              yaxis: [{ y: 10, label: { text: hostile[2] } }],
              points: [{ x: hostile[1], y: 10, marker: { size: 6 }, label: { text: hostile[3] }, tooltip: { enabled: true } }],
            },
            title: { text: hostile[4] }, subtitle: { text: hostile[0] }, noData: { text: hostile[1] },
            """;
        return type switch
        {
            "pie" or "donut" => $$"""
                { chart: { type: '{{type}}', animations: { enabled: false } }, series: [5, 4, 3, 2, 1], labels: hostile,
                  dataLabels: { enabled: true, texts: [hostile] }, tooltip: { texts: [hostile] }, legend: { show: true }, {{annotations}} }
                """,
            "heatmap" => $$"""
                { chart: { type: 'heatmap', animations: { enabled: false } },
                  series: hostile.map((name, i) => ({ name, data: hostile.map((x, j) => ({ x, y: i * 10 + j })) })),
                  dataLabels: { enabled: true, texts: hostile.map(() => hostile) }, tooltip: { texts: hostile.map(() => hostile) },
                  legend: { show: true }, {{annotations}} }
                """,
            _ => $$"""
                { chart: { type: '{{(type == "horizontal-bar" ? "bar" : type)}}', animations: { enabled: false } },
                  plotOptions: { bar: { horizontal: {{JsonSerializer.Serialize(type == "horizontal-bar")}} } },
                  series: [{ name: hostile[1], data: [10, 8, 6, 4, 2] }, { name: hostile[0], data: [9, 7, 5, 3, 1] }],
                  xaxis: { categories: hostile, tooltip: { enabled: true } }, yaxis: { tooltip: { enabled: true } },
                  dataLabels: { enabled: true, texts: {{texts}} }, tooltip: { shared: false, texts: {{texts}} },
                  legend: { show: true }, {{annotations}} }
                """,
        };
    }
}
