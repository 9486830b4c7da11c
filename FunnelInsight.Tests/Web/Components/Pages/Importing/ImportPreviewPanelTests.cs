using FunnelInsight.Core.Import.Preview;
using FunnelInsight.Web.Components.Pages.Importing;
using FunnelInsight.Web.Components.UI;
using MudBlazor;
using MudBlazor.Extensions;

namespace FunnelInsight.Tests.Web.Components.Pages.Importing;

/// <summary>The preview's reading choices, pre-set from what the file showed, and the rows as they will be stored.</summary>
public sealed class ImportPreviewPanelTests : DashboardComponentContext, IAsyncLifetime
{
    // Neither date has a part above 12: the file cannot tell the order. A hostile event name must stay text.
    private const string Ambiguous = "event_time,event_type,session_id,price,country\n" +
        "01/02/2025 10:00,<img src=x onerror=alert(1)>,s1,\"1,250\",مصر\n" +
        "05/03/2025 11:30,add_to_cart,s1,9.5,مصر\n" +
        "nonsense,view_item,s2,,\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("fi-preview-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private ImportPreview Preview(string text, ReadingChoices? choices = null)
    {
        var path = Path.Combine(_folder, "events.csv");
        File.WriteAllText(path, text);
        return ImportPreviewer.Preview(path, ImportKind.Events, choices: choices);
    }

    private IRenderedComponent<ImportPreviewPanel> Show(ImportPreview preview, ImportPreview? detected = null, ReadingChoices? choices = null, Action<ReadingChoices>? changed = null) =>
        Render<ImportPreviewPanel>(p => p
            .Add(c => c.Preview, preview)
            .Add(c => c.Detected, detected ?? preview)
            .Add(c => c.Choices, choices ?? ReadingChoices.None)
            .Add(c => c.Kind, ImportKind.Events)
            .Add(c => c.FileName, "events.csv")
            .Add(c => c.ChoicesChanged, changed ?? (_ => { })));

    [Fact]
    public void Each_choice_is_pre_set_from_the_file_and_says_whether_it_was_detected_or_assumed()
    {
        var panel = Show(Preview("event_time,event_type,session_id,price\n13/02/2025 10:00,view_item,s1,\"12,50\"\n"));

        Assert.Equal("utf-8", panel.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
        Assert.Equal(DateOrder.Dmy, panel.FindComponent<MudSelect<DateOrder>>().Instance.GetState(x => x.Value));
        Assert.Equal(DecimalMark.Comma, panel.FindComponent<MudSelect<DecimalMark>>().Instance.GetState(x => x.Value));
        Assert.Contains("detected", panel.Find(".fi-date-order").TextContent, StringComparison.Ordinal);

        var ambiguous = Show(Preview(Ambiguous));

        Assert.Equal(DateOrder.Mdy, ambiguous.FindComponent<MudSelect<DateOrder>>().Instance.GetState(x => x.Value));
        Assert.Contains("assumed (the file cannot tell)", ambiguous.Find(".fi-date-order").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_are_shown_as_they_will_be_stored_with_data_text_escaped_and_a_rejected_row_with_its_reason()
    {
        var panel = Show(Preview(Ambiguous));

        var rows = panel.FindAll(".fi-stored tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal("2025-01-02 10:00:00", rows[0].QuerySelector(".fi-stored-time")!.TextContent);
        Assert.Equal("1250", rows[0].QuerySelector("[data-field=price]")!.TextContent);
        Assert.Equal("مصر", rows[0].QuerySelector("[data-field=country]")!.TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", rows[0].QuerySelector("[data-field=event_type]")!.TextContent);
        Assert.Empty(panel.FindAll(".fi-stored img"));
        Assert.Equal("Rejected: Unparseable time 'nonsense'.", rows[2].QuerySelector(".fi-stored-rejected")!.TextContent);
    }

    [Fact]
    public async Task Choosing_day_first_raises_the_choice_and_choosing_what_the_file_showed_goes_back_to_deciding_it()
    {
        var raised = new List<ReadingChoices>();
        var preview = Preview(Ambiguous);
        var panel = Show(preview, changed: raised.Add);

        // Each change is awaited before the next: the panel re-renders between them, as it does between a user's clicks.
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<DateOrder>>().Instance.ValueChanged.InvokeAsync(DateOrder.Dmy));
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<DecimalMark>>().Instance.ValueChanged.InvokeAsync(DecimalMark.Point));
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("windows-1256"));

        Assert.Equal([new ReadingChoices(DateOrder: DateOrder.Dmy), ReadingChoices.None, new ReadingChoices(Encoding: "windows-1256")], raised);
    }

    [Fact]
    public void A_new_reading_with_the_choices_shows_them_as_chosen_and_the_rows_read_day_first()
    {
        var choices = new ReadingChoices(DateOrder: DateOrder.Dmy, DecimalMark: DecimalMark.Comma);
        var panel = Show(Preview(Ambiguous, choices), detected: Preview(Ambiguous), choices: choices);

        Assert.Equal("chosen", panel.Find(".fi-date-order").GetAttribute("data-source"));
        Assert.Equal("chosen", panel.Find(".fi-decimal").GetAttribute("data-source"));
        Assert.Equal("detected", panel.Find(".fi-encoding").GetAttribute("data-source"));
        var rows = panel.FindAll(".fi-stored tbody tr");
        Assert.Equal(("2025-02-01 10:00:00", "1.25"), (rows[0].QuerySelector(".fi-stored-time")!.TextContent, rows[0].QuerySelector("[data-field=price]")!.TextContent));
    }

    [Fact]
    public void Every_offered_encoding_is_listed_and_the_detected_one_is_marked()
    {
        var popovers = Render<MudPopoverProvider>();
        var panel = Show(Preview(Ambiguous));

        panel.Find(".fi-encoding div.mud-input-control").MouseDown();

        var options = popovers.WaitForElements(".mud-list-item").Select(item => item.TextContent.Trim()).ToArray();
        Assert.Equal(ExportEncoding.Offered.Select(name => name == "utf-8" ? "utf-8 (detected)" : name), options);
    }

    [Fact]
    public void An_encoding_that_cannot_read_the_file_as_csv_says_so_and_the_import_cannot_start()
    {
        var detected = Preview(Ambiguous);
        var choices = new ReadingChoices(Encoding: "utf-16BE");
        var panel = Show(Preview(Ambiguous, choices), detected, choices);

        Assert.Contains("Read as utf-16BE, the file is not CSV text.", panel.Find(".fi-reread-problem").TextContent, StringComparison.Ordinal);
        Assert.True(panel.Find("button.fi-start-import").HasAttribute("disabled"));
        Assert.Equal("utf-16BE", panel.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
    }

    [Fact]
    public void In_arabic_the_stored_figures_keep_latin_digits_each_isolated_left_to_right()
    {
        UseCulture("ar");

        var panel = Show(Preview(Ambiguous));

        Assert.Equal(Bidi.Number("2025-01-02 10:00:00"), panel.Find(".fi-stored-time").TextContent);
        Assert.Contains("مكتشَف", panel.Find(".fi-encoding").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_export_offers_the_same_choices_and_shows_its_lines_as_they_will_be_read()
    {
        var path = Path.Combine(_folder, "orders.csv");
        File.WriteAllText(path, "order_id;created_at;total;currency\nA1;13/02/2025 10:00;1.234,50;<b>EUR</b>\n");
        var preview = ImportPreviewer.Preview(path, ImportKind.Orders);

        var panel = Render<ImportPreviewPanel>(p => p.Add(c => c.Preview, preview).Add(c => c.Kind, ImportKind.Orders));

        Assert.Equal("detected", panel.Find(".fi-date-order").GetAttribute("data-source"));
        Assert.Equal("detected", panel.Find(".fi-decimal").GetAttribute("data-source"));
        var row = panel.Find(".fi-stored tbody tr");
        Assert.Equal(("2025-02-13 10:00:00", "1234.5", "<b>EUR</b>"),
            (row.QuerySelector(".fi-stored-time")!.TextContent, row.QuerySelector("[data-field=total]")!.TextContent, row.QuerySelector("[data-field=currency]")!.TextContent));
        Assert.Empty(panel.FindAll(".fi-stored b"));
    }

    [Fact]
    public void A_row_that_will_be_kept_without_its_price_shows_why_under_it()
    {
        var panel = Show(Preview("event_time,event_type,session_id,price\n2025-02-01T10:00:00Z,add_to_cart,s1,abc\n"));

        Assert.Equal("", panel.Find(".fi-stored [data-field=price]").TextContent);
        Assert.StartsWith("Kept without it: price: ", panel.Find(".fi-stored-warning").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_arabic_the_preview_says_why_a_row_is_rejected_or_kept_without_a_value_in_arabic()
    {
        UseCulture("ar");

        var panel = Show(Preview("event_time,event_type,session_id,price\n2025-02-01T10:00:00Z,add_to_cart,s1,abc\nnonsense,view_item,s2,\n"));

        Assert.Equal("يُحفظ من دونها: \u2068price\u2069: قيمة \u2068price\u2069 «\u2068abc\u2069» ليست رقمًا.", panel.Find(".fi-stored-warning").TextContent.Trim());
        Assert.Equal("مرفوض: تعذّرت قراءة الوقت «\u2068nonsense\u2069».", panel.Find(".fi-stored-rejected").TextContent.Trim());
    }
}
