namespace FunnelInsight.Tests.Web.Browser;

/// <summary>The upload preview's encoding, date order and decimal mark: pre-set from the file, changed by the user, used by the import.</summary>
[Collection(DashboardInChromium.Name)]
public sealed class ImportReadingChoicesTests(DashboardApp app)
{
    private async Task<EventRecord[]> StoredAsync(string sessionPrefix) =>
        [.. (await EventRecord.StoredAsync(app.Database)).Select(e => e.Event).Where(e => e.Session?.StartsWith(sessionPrefix, StringComparison.Ordinal) == true).OrderBy(e => e.TimeUs)];

    private static DateTime Utc(long timeUs) => DateTime.UnixEpoch.AddTicks(timeUs * 10);

    private async Task<IPage> UploadIntoNewStoreAsync(string store, string path)
    {
        var (page, _) = await app.OpenNewStoreAsync(store, "imports");
        await DashboardApp.ChooseUploadAsync(page, path);
        await Expect(page.Locator(".fi-format")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_windows_1256_arabic_export_is_previewed_with_its_encoding_and_day_first_order_detected_and_its_arabic_read_as_stored()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "event_time,event_type,session_id,country,channel\n" +
            "13/02/2025 10:00,session_start,ar1,مصر,بحث\n" +
            "13/02/2025 10:05,view_item,ar1,مصر,بحث\n";
        var path = app.WriteFile("arabic-1256.csv", "");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(1256).GetBytes(text));

        var page = await UploadIntoNewStoreAsync("Cairo shop", path);

        await Expect(page.Locator(".fi-encoding")).ToHaveAttributeAsync("data-source", "detected");
        await Expect(page.Locator(".fi-encoding input")).ToHaveValueAsync("windows-1256");
        await Expect(page.Locator(".fi-encoding")).ToContainTextAsync("detected");
        await Expect(page.Locator(".fi-date-order")).ToHaveAttributeAsync("data-source", "detected");
        await Expect(page.Locator(".fi-date-order")).ToContainTextAsync("Day first");
        var first = page.Locator(".fi-stored tbody tr").First;
        await Expect(first.Locator("[data-field=country]")).ToHaveTextAsync("مصر");
        await Expect(first.Locator(".fi-stored-time")).ToHaveTextAsync("2025-02-13 10:00:00");
        await Expect(page.Locator(".fi-preview tbody tr").First).ToContainTextAsync("بحث");
        await DashboardApp.ScreenshotAsync(page, "imports-preview-windows-1256");

        await page.Locator(".fi-start-import").ClickAsync();

        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync("2");
        var stored = await StoredAsync("ar1");
        Assert.Equal([("مصر", "بحث", new DateTime(2025, 2, 13, 10, 0, 0)), ("مصر", "بحث", new DateTime(2025, 2, 13, 10, 5, 0))],
            stored.Select(e => (e.Country, e.Channel, Utc(e.TimeUs))));
    }

    [Fact]
    public async Task An_ambiguous_file_shows_month_first_as_assumed_and_changing_it_to_day_first_rereads_the_preview_and_the_import_stores_day_first()
    {
        // No part above 12: the file cannot tell 1 February from 2 January.
        var path = app.WriteFile("ambiguous-dates.csv",
            "event_time,event_type,session_id,price\n" +
            "01/02/2025 10:00,session_start,dm1,\n" +
            "05/03/2025 11:30,add_to_cart,dm2,\"1,250\"\n");

        var page = await UploadIntoNewStoreAsync("Ambiguous shop", path);

        await Expect(page.Locator(".fi-date-order")).ToHaveAttributeAsync("data-source", "assumed");
        await Expect(page.Locator(".fi-date-order")).ToContainTextAsync("assumed (the file cannot tell)");
        await Expect(page.Locator(".fi-stored tbody tr").First.Locator(".fi-stored-time")).ToHaveTextAsync("2025-01-02 10:00:00");
        await Expect(page.Locator(".fi-stored tbody tr").Nth(1).Locator("[data-field=price]")).ToHaveTextAsync("1250");

        await ChooseAsync(page, ".fi-date-order", "Day first (31/12/2025)");
        await ChooseAsync(page, ".fi-decimal", "Comma (1.234,50)");

        await Expect(page.Locator(".fi-date-order")).ToHaveAttributeAsync("data-source", "chosen");
        await Expect(page.Locator(".fi-stored tbody tr").First.Locator(".fi-stored-time")).ToHaveTextAsync("2025-02-01 10:00:00");
        await Expect(page.Locator(".fi-stored tbody tr").Nth(1).Locator(".fi-stored-time")).ToHaveTextAsync("2025-03-05 11:30:00");
        await Expect(page.Locator(".fi-stored tbody tr").Nth(1).Locator("[data-field=price]")).ToHaveTextAsync("1.25");
        await DashboardApp.ScreenshotAsync(page, "imports-preview-day-first-chosen");

        await page.Locator(".fi-start-import").ClickAsync();

        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync("2");
        await Expect(page.Locator(".fi-result-reading")).ToContainTextAsync("Day/month order: Day first (31/12/2025) — chosen");
        var stored = await StoredAsync("dm");
        Assert.Equal([(new DateTime(2025, 2, 1, 10, 0, 0), (double?)null), (new DateTime(2025, 3, 5, 11, 30, 0), 1.25)], stored.Select(e => (Utc(e.TimeUs), e.Price)));
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.Locator($"{select} .mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
