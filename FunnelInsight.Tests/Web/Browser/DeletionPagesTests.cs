namespace FunnelInsight.Tests.Web.Browser;

/// <summary>Owners delete an import or a store from the dashboard after a dialog that names what goes; others see no button.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class DeletionPagesTests(DashboardApp app)
{
    private const string Header = "event_time,event_type,session_id\n";

    // January: s1 lands and views a product, s2 lands. February: s3 lands, views and carts.
    private const string January = Header + "2024-01-10T10:00:00Z,session_start,s1\n2024-01-10T10:01:00Z,view_item,s1\n2024-01-10T11:00:00Z,session_start,s2\n";
    private const string February = Header + "2024-02-10T10:00:00Z,session_start,s3\n2024-02-10T10:01:00Z,view_item,s3\n2024-02-10T10:02:00Z,add_to_cart,s3\n";

    [Fact]
    public async Task An_owner_deletes_an_import_after_a_dialog_naming_it_and_the_funnel_counts_without_it()
    {
        var storeId = await StoreWithTwoImportsAsync("Import deleting shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-01-01&to=2024-02-29");
        await Expect(page.Locator(".fi-funnel-table .fi-reached").First).ToHaveTextAsync("3");
        await page.GotoAsync($"/stores/{storeId}/imports");
        var january = page.Locator(".fi-history tbody tr", new() { HasText = "january-visits.csv" }).Locator(".fi-import-delete");
        await Expect(january).ToBeEnabledAsync(); // the circuit is live: the click reaches the server

        await january.ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"This deletes the import of january-visits\.csv \(3 rows stored, imported \d+/\d+/\d{4} .+ UTC\)"));
        await DashboardApp.ScreenshotAsync(page, "delete-import-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.Locator(".fi-import-deleted")).ToContainTextAsync("The import of january-visits.csv was deleted: 3 events and 0 orders removed.");
        await Expect(page.Locator(".fi-history tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".fi-history")).Not.ToContainTextAsync("january-visits.csv");
        await page.GotoAsync($"/stores/{storeId}/funnel?from=2024-01-01&to=2024-02-29");
        await Expect(page.Locator(".fi-funnel-table .fi-reached").First).ToHaveTextAsync("1");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cancelling_the_dialog_deletes_nothing()
    {
        var storeId = await StoreWithTwoImportsAsync("Second thoughts shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/imports");

        await Expect(page.Locator(".fi-import-delete").First).ToBeEnabledAsync();
        await page.Locator(".fi-import-delete").First.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.Locator(".fi-history tbody tr")).ToHaveCountAsync(2);
        Assert.Equal(2, await ImportCountAsync(storeId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_marketer_and_an_analyst_see_no_delete_button_for_imports_or_the_store()
    {
        var storeId = await StoreWithTwoImportsAsync("No delete for you shop");
        await app.AddMemberAsync(storeId, "delete-marketer@browser.test", StoreRole.Marketer);
        await app.AddMemberAsync(storeId, "delete-analyst@browser.test", StoreRole.Analyst);

        foreach (var email in new[] { "delete-marketer@browser.test", "delete-analyst@browser.test" })
        {
            var page = await app.NewPageSignedInAsAsync(email);
            await page.GotoAsync($"/stores/{storeId}/imports");
            await Expect(page.Locator(".fi-history tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator(".fi-import-delete")).ToHaveCountAsync(0);
            await page.GotoAsync($"/stores/{storeId}/settings");
            await Expect(page.Locator(".fi-store-delete")).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_owner_deletes_the_store_from_its_settings_after_a_dialog_naming_it_and_what_it_holds()
    {
        var storeId = await StoreWithTwoImportsAsync("Doomed dialog shop");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stores/{storeId}/settings");

        await Expect(page.Locator(".fi-store-delete")).ToBeEnabledAsync();
        await page.Locator(".fi-store-delete").ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("This deletes the store Doomed dialog shop and everything in it: 6 events, 3 sessions, 0 orders");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete the store" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await Expect(page.GetByText("Doomed dialog shop")).ToHaveCountAsync(0);
        Assert.Equal(0, await ImportCountAsync(storeId));
        await page.Context.CloseAsync();
    }

    private async Task<int> StoreWithTwoImportsAsync(string name)
    {
        var storeId = await app.CreateStoreAsync(name);
        await app.ImportEventsAsync(storeId, $"{storeId}-january.csv", January, "january-visits.csv");
        await app.ImportEventsAsync(storeId, $"{storeId}-february.csv", February, "february-visits.csv");
        return storeId;
    }

    private async Task<long> ImportCountAsync(int storeId)
    {
        await using var connection = await app.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Imports WHERE StoreId = {storeId}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
