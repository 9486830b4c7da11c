namespace FunnelInsight.Tests.Web.Browser;

[Collection(DashboardInChromium.Name)]
public sealed class ImportsPageTests(DashboardApp app)
{
    // Three sessions: s1 goes all the way to purchase (5 events), s2 views a product, s3 only lands: 8 events.
    private const string Events =
        "event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms\n" +
        "2024-03-01T10:00:00Z,session_start,s1,u1,,,,,desktop,google,SA,800\n" +
        "2024-03-01T10:01:00Z,view_item,s1,u1,p1,25.00,,,desktop,google,SA,900\n" +
        "2024-03-01T10:02:00Z,add_to_cart,s1,u1,p1,25.00,2,,desktop,google,SA,\n" +
        "2024-03-01T10:03:00Z,begin_checkout,s1,u1,,,,,desktop,google,SA,\n" +
        "2024-03-01T10:05:00Z,purchase,s1,u1,,50.00,,o1,desktop,google,SA,\n" +
        "2024-03-01T11:00:00Z,session_start,s2,u2,,,,,mobile,direct,AE,\n" +
        "2024-03-01T11:01:00Z,view_item,s2,u2,p2,10.00,,,mobile,direct,AE,\n" +
        "2024-03-01T12:00:00Z,session_start,s3,u3,,,,,mobile,email,EG,\n";

    // Lines 3 and 5 are broken: a time that is no time, and a row with no event name.
    private const string Malformed =
        "event_time,event_type,session_id\n" +
        "2024-03-02T09:00:00Z,session_start,m1\n" +
        "yesterday,view_item,m1\n" +
        "2024-03-02T09:02:00Z,add_to_cart,m1\n" +
        "2024-03-02T09:03:00Z,,m1\n";

    private static async Task UploadAsync(IPage page, string path)
    {
        await DashboardApp.ChooseUploadAsync(page, path);
        await Expect(page.Locator(".fi-format")).ToBeVisibleAsync();
    }

    /// <summary>A new store's imports page with <paramref name="text"/> uploaded and its import started.</summary>
    private async Task<IPage> ImportIntoNewStoreAsync(string store, string fileName, string text)
    {
        var (page, _) = await app.OpenNewStoreAsync(store, "imports");
        await UploadAsync(page, app.WriteFile(fileName, text));
        await page.Locator(".fi-start-import").ClickAsync();
        return page;
    }

    [Fact]
    public async Task Uploading_an_event_export_previews_it_then_imports_it_in_the_background_and_shows_the_counts()
    {
        var (page, _) = await app.OpenNewStoreAsync("Upload shop", "imports");
        await Expect(page.Locator(".fi-history-empty")).ToBeVisibleAsync();
        await DashboardApp.ScreenshotAsync(page, "imports-empty");

        await UploadAsync(page, app.WriteFile("shop-events.csv", Events));

        await Expect(page.Locator(".fi-format")).ToContainTextAsync("FunnelInsight canonical events");
        await Expect(page.Locator(".fi-preview tbody tr")).ToHaveCountAsync(8);
        await Expect(page.Locator(".fi-preview tbody tr").Nth(4)).ToContainTextAsync("purchase");
        await DashboardApp.ScreenshotAsync(page, "imports-preview");

        await page.Locator(".fi-start-import").ClickAsync();

        await Expect(page.Locator(".fi-count-read")).ToHaveTextAsync("8");
        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync("8");
        await Expect(page.Locator(".fi-count-duplicate")).ToHaveTextAsync("0");
        await Expect(page.Locator(".fi-count-rejected")).ToHaveTextAsync("0");
        await Expect(page.Locator(".fi-history tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".fi-history tbody tr")).ToContainTextAsync("shop-events.csv");
        await Expect(page.Locator(".fi-history .fi-status")).ToHaveTextAsync("Imported");
        await Expect(page.Locator(".fi-history .fi-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-success"));
        // The end of the import arrives from the worker's thread: English's short date and time, never the invariant 12/01/2026 11:56.
        Assert.Matches(@"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}\s(AM|PM) UTC$", await page.Locator(".fi-history tbody td.text-nowrap").InnerTextAsync());
        await DashboardApp.ScreenshotAsync(page, "imports-done");
    }

    [Fact]
    public async Task A_malformed_export_shows_its_row_errors_with_line_and_reason()
    {
        var page = await ImportIntoNewStoreAsync("Malformed shop", "broken-events.csv", Malformed);

        await Expect(page.Locator(".fi-count-read")).ToHaveTextAsync("4");
        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync("2");
        await Expect(page.Locator(".fi-count-rejected")).ToHaveTextAsync("2");
        var errors = page.Locator(".fi-errors tbody tr");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("Unparseable time 'yesterday'.");
        await Expect(errors.Nth(0).Locator("td").First).ToHaveTextAsync("3");
        await Expect(errors.Nth(1).Locator("td").First).ToHaveTextAsync("5");
        // Not the clean import's green badge: rows were rejected.
        await Expect(page.Locator(".fi-history .fi-status")).ToHaveTextAsync("Imported, rows rejected");
        await Expect(page.Locator(".fi-history .fi-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-warning"));
        await DashboardApp.ScreenshotAsync(page, "imports-row-errors");
    }

    [Fact]
    public async Task An_unreadable_price_keeps_its_event_and_the_history_and_details_show_the_warning()
    {
        var page = await ImportIntoNewStoreAsync("Warned shop", "warned-events.csv",
            "event_time,event_type,session_id,price\n2024-03-03T09:00:00Z,session_start,w1,\n2024-03-03T09:01:00Z,view_item,w1,\"12,5x\"\n");
        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync("2");
        await Expect(page.Locator(".fi-count-warnings")).ToHaveTextAsync("1");
        await Expect(page.Locator(".fi-history .fi-history-warnings")).ToHaveTextAsync("1");

        await page.Locator(".fi-history").GetByRole(AriaRole.Button, new() { Name = "Details" }).ClickAsync();

        var warnings = page.Locator(".fi-import-details .fi-warnings tbody tr");
        await Expect(warnings).ToHaveCountAsync(1);
        await Expect(warnings.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(warnings.Locator("td").Nth(1)).ToHaveTextAsync("price");
        await Expect(warnings).ToContainTextAsync("price '12,5x' is not a number.");
        await Expect(page.Locator(".fi-import-details .fi-errors")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_error_file_downloads_every_row_error_as_csv()
    {
        var page = await ImportIntoNewStoreAsync("Download shop", "broken-for-download.csv", Malformed);
        await Expect(page.Locator(".fi-count-rejected")).ToHaveTextAsync("2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".fi-errors-download").ClickAsync());

        var path = Path.Combine(DashboardApp.ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToArray();
        Assert.Equal("line,column,severity,reason,raw_line", lines[0].TrimStart('\uFEFF'));
        Assert.Equal("3,event_time,error,Unparseable time 'yesterday'.,\"yesterday,view_item,m1\"", lines[1]);
        Assert.StartsWith("5,event_type,error,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_text_is_refused_with_a_clear_message()
    {
        var (page, _) = await app.OpenNewStoreAsync("Binary shop", "imports");
        var path = app.WriteFile("photo.csv", "");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);

        await DashboardApp.ChooseUploadAsync(page, path);

        await Expect(page.Locator(".fi-upload-error")).ToContainTextAsync("\"photo.csv\" is an image, not a CSV export.");
        await Expect(page.Locator(".fi-history-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task In_arabic_a_refused_file_is_explained_in_arabic()
    {
        var (page, _) = await app.OpenNewStoreAsync("Arabic binary shop", "imports");
        await Expect(page.Locator(".fi-dropzone input[type=file]")).ToBeAttachedAsync(); // the circuit is live
        await page.GetByLabel("Language").ClickAsync();
        await page.GetByText("العربية").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        var path = app.WriteFile("picture.csv", "");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);

        await DashboardApp.ChooseUploadAsync(page, path);

        await Expect(page.Locator(".fi-upload-error")).ToHaveTextAsync("«picture.csv» صورة، وليست ملف تصدير CSV.");
    }

    [Fact]
    public async Task In_arabic_the_store_name_in_the_intro_is_isolated_from_the_sentence_around_it()
    {
        var storeId = await app.CreateStoreAsync("Intro shop (Riyadh)");
        var page = await ArabicImportsPageAsync(storeId);

        // A Latin name with brackets in an Arabic sentence keeps its own order only inside a first-strong isolate.
        var intro = page.Locator("p", new() { HasText = "Intro shop" });
        Assert.Contains("\u2068Intro shop (Riyadh)\u2069", await intro.First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_arabic_the_page_stays_arabic_with_arabic_dates_after_an_import_finishes()
    {
        var storeId = await app.CreateStoreAsync("Arabic import shop");
        var page = await ArabicImportsPageAsync(storeId);
        await UploadAsync(page, app.WriteFile("arabic-events.csv", Events));

        await page.Locator(".fi-start-import").ClickAsync();

        // The end of the import arrives from the worker's thread; the page it re-renders is still Arabic.
        await Expect(page.Locator(".fi-count-stored")).ToHaveTextAsync("\u20668\u2069"); // Latin digits, isolated left to right
        await Expect(page.Locator(".fi-history .fi-status")).ToHaveTextAsync("تم الاستيراد");
        await Expect(page.Locator("h6", new() { HasText = "سجل الاستيراد" })).ToBeVisibleAsync();
        // Arabic's short date (day/month/year with right-to-left marks, ص or م), never the invariant 12/01/2026 12:00.
        var started = await page.Locator(".fi-history tbody td.text-nowrap").InnerTextAsync();
        Assert.Matches(@"^\d{1,2}\u200F*/\d{1,2}\u200F*/\d{4} \d{1,2}:\d{2} (ص|م) UTC$", started);
        await DashboardApp.ScreenshotAsync(page, "imports-done-arabic");
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_before_it_is_sent_with_the_limit_named()
    {
        var (page, _) = await app.OpenNewStoreAsync("Big file shop", "imports");
        var row = "2024-03-01T10:00:00Z,view_item,s1\n";
        var path = app.WriteFile("huge.csv", "event_time,event_type,session_id\n" + string.Concat(Enumerable.Repeat(row, (int)(DashboardApp.UploadLimit / row.Length) + 1000)));

        await DashboardApp.ChooseUploadAsync(page, path);

        await Expect(page.Locator(".fi-upload-error")).ToContainTextAsync("huge.csv is 1.03 MB, larger than the 1 MB upload limit.");
        await Expect(page.Locator(".fi-upload-error")).ToContainTextAsync("Uploads:MaxBytes");
        await DashboardApp.ScreenshotAsync(page, "imports-too-large");
    }

    [Fact]
    public async Task At_phone_width_the_imports_page_still_offers_the_upload()
    {
        var (page, _) = await app.OpenNewStoreAsync("Phone shop", "imports", 390, 844);

        await Expect(page.Locator(".fi-dropzone input[type=file]")).ToBeAttachedAsync();
        var zone = await page.Locator(".fi-dropzone").BoundingBoxAsync();
        Assert.True(zone!.Width <= 390, $"The drop zone is {zone.Width}px wide on a 390px screen.");
        await DashboardApp.ScreenshotAsync(page, "imports-phone");
    }

    [Fact]
    public async Task A_marketer_sees_the_import_history_but_no_upload_control_and_no_owner_pages()
    {
        var storeId = await app.CreateStoreAsync("Marketer shop");
        await app.AddMemberAsync(storeId, "marketer@browser.test", FunnelInsight.Core.Accounts.StoreRole.Marketer);
        var page = await app.NewPageSignedInAsAsync("marketer@browser.test");

        await page.GotoAsync($"/stores/{storeId}/imports");

        await Expect(page.Locator(".fi-upload-owners-only")).ToContainTextAsync("Only the store's owners can upload files.");
        await Expect(page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(page, "imports-marketer");
    }

    // The store's imports page in a new browser page whose language is Arabic.
    private async Task<IPage> ArabicImportsPageAsync(int storeId)
    {
        var page = await app.NewPageAsync("ar");
        await page.GotoAsync($"/stores/{storeId}/imports");
        return page;
    }
}
