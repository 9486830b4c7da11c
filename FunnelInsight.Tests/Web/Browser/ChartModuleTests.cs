namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class ChartModuleTests(DashboardApp app)
{
    [Fact]
    public async Task The_chart_module_draws_updates_and_destroys_an_apexcharts_bar_chart_served_by_the_app()
    {
        var (page, _) = await app.OpenNewStoreAsync("Chart shop", "imports");
        await page.EvaluateAsync("""
            () => { const div = document.createElement('div'); div.id = 'test-chart'; div.style.width = '600px'; document.body.prepend(div); }
            """);

        await page.EvaluateAsync("""
            async () => {
                const chart = (await import('/js/apexchart.js'));
                window.testChart = chart.create(document.getElementById('test-chart'),
                    { chart: { type: 'bar', animations: { enabled: false } }, series: [{ name: 'sessions', data: [100, 60, 30, 12, 5] }],
                      xaxis: { categories: ['landing', 'product', 'cart', 'checkout', 'purchase'] } });
            }
            """);
        await Expect(page.Locator("#test-chart .apexcharts-bar-area")).ToHaveCountAsync(5);

        await page.EvaluateAsync("""
            async () => {
                const chart = (await import('/js/apexchart.js'));
                chart.update(window.testChart, { series: [{ name: 'sessions', data: [10, 5, 2] }], xaxis: { categories: ['a', 'b', 'c'] } });
            }
            """);
        await Expect(page.Locator("#test-chart .apexcharts-bar-area")).ToHaveCountAsync(3);

        await page.EvaluateAsync("async () => (await import('/js/apexchart.js')).destroy(window.testChart)");
        await Expect(page.Locator("#test-chart svg")).ToHaveCountAsync(0);
    }
}
