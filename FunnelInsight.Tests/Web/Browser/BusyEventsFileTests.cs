using DuckDB.NET.Data;

namespace FunnelInsight.Tests.Web.Browser;

/// <summary>
/// The dashboard's events file held by another process (a DuckDB client an operator opened, a command-line import that
/// opened it directly), which DuckDB refuses the dashboard for as long as it lasts: the Funnel page and the store list
/// stay up, say what they could not read, and read it once the file is free.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class BusyEventsFileTests(DashboardApp app)
{
    [Fact]
    public async Task The_funnel_page_and_the_store_list_opened_while_another_process_holds_the_events_file_say_so_and_recover_once_it_is_free()
    {
        var storeId = await ReportSample.ImportAsync(app, "Busy file shop");
        var page = await app.NewPageAsync();

        // This test's process is the other one: while its connection is open, the dashboard cannot open the file.
        using (var holder = new DuckDBConnection($"Data Source={app.Database.EventsPath}"))
        {
            holder.Open();
            await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-03-01&to=2024-03-31");
            await DashboardApp.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator(".fi-builder-names-unavailable")).ToBeVisibleAsync();
            await Expect(page.Locator(".fi-report-error .fi-report-error-text")).ToContainTextAsync("open in another program");
            await DashboardApp.ScreenshotAsync(page, "busy-events-file");
            // Only the stages are offered, and the page still answers: the list opens on the live circuit.
            await page.Locator(".fi-builder-pick input").ClickAsync();
            await Expect(page.Locator(".fi-builder-pick-list .mud-list-item")).ToHaveCountAsync(5);

            // Without dates in the address the page cannot read the store's span for its default range, and still opens.
            var undated = await app.NewPageAsync();
            await undated.GotoAsync($"/stores/{storeId}/funnel");
            await DashboardApp.WaitUntilInteractiveAsync(undated);
            await Expect(undated.Locator(".fi-report-error .fi-report-error-text")).ToContainTextAsync("open in another program");

            // The store list, whose counts come from the file, lists the store without them and says why.
            var home = await app.NewPageAsync();
            await home.GotoAsync("/");
            await Expect(home.Locator(".fi-counts-unavailable")).ToBeVisibleAsync();
            await Expect(home.Locator("tr", new() { HasText = "Busy file shop" }).Locator("td.text-end").First).ToHaveTextAsync("–");
        }

        // The file free again, the report's own retry reads it.
        await page.Locator(".fi-report-error button").ClickAsync();
        await Expect(page.Locator(".fi-funnel-table .fi-reached")).ToHaveTextAsync(["12", "10", "8", "7", "3"]);
        await page.ReloadAsync();
        await DashboardApp.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(".fi-builder-names-unavailable")).ToHaveCountAsync(0);
        await page.Locator(".fi-builder-pick input").ClickAsync();
        await Expect(page.Locator(".fi-builder-pick-list .mud-list-item").Filter(new() { HasTextRegex = new Regex(@"^view_item \(") })).ToHaveCountAsync(1);
    }
}
