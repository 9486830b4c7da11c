using FunnelInsight.Core.Import.Reasons;
using FunnelInsight.Web.Components.Pages.Importing;

namespace FunnelInsight.Tests.Web.Components.Pages.Importing;

public sealed class ImportResultViewTests : DashboardComponentContext
{
    private static readonly RowError[] TwoErrors =
    [
        new(3, "event_time", ImportReason.Of(ImportReasonCode.UnparseableTime, "yesterday"), "yesterday,view_item,m1"),
        new(5, "event_type", ImportReason.Of(ImportReasonCode.MissingField, "event_type"), "2024-03-02T09:03:00Z,,m1"),
    ];

    private IRenderedComponent<ImportResultView> Show(ImportResult? result, bool showRows = true) =>
        Render<ImportResultView>(p => p.Add(c => c.StoreId, 7).Add(c => c.FileName, "events.csv").Add(c => c.Result, result).Add(c => c.ShowRows, showRows));

    private static ImportResult Result(long read, long stored, long rejected, long duplicate, IReadOnlyList<RowError> errors) =>
        new(42, ImportStatus.Succeeded, "canonical", "event_time=event_time", read, stored, rejected, duplicate, errors, null);

    [Fact]
    public void A_result_with_rejected_rows_shows_the_four_counts_the_errors_and_the_error_file_link()
    {
        var view = Show(Result(1234, 1200, 4, 30, TwoErrors));

        Assert.Equal("1,234", view.Find(".fi-count-read").TextContent);
        Assert.Equal("1,200", view.Find(".fi-count-stored").TextContent);
        Assert.Equal("30", view.Find(".fi-count-duplicate").TextContent);
        Assert.Equal("4", view.Find(".fi-count-rejected").TextContent);
        var rows = view.FindAll(".fi-errors tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["3", "event_time", "Unparseable time 'yesterday'.", "yesterday,view_item,m1"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("/stores/7/imports/42/errors.csv", view.Find("a.fi-errors-download").GetAttribute("href"));
        Assert.Contains("The first 2 of 4 errors are shown", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marketer_sees_why_rows_were_rejected_but_not_the_rows_nor_the_error_file()
    {
        var view = Show(Result(1234, 1200, 4, 30, TwoErrors), showRows: false);

        var rows = view.FindAll(".fi-errors tbody tr");
        Assert.Equal(["3", "event_time", "Unparseable time 'yesterday'."], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Empty(view.FindAll(".fi-errors .fi-raw"));
        Assert.DoesNotContain("yesterday,view_item,m1", view.Markup, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".fi-errors-download"));
    }

    [Fact]
    public void A_clean_result_says_every_row_was_read_and_has_no_error_table()
    {
        var view = Show(Result(8, 5, 0, 3, []));

        Assert.Contains("events.csv was imported: every row was read.", view.Markup, StringComparison.Ordinal);
        Assert.Equal("3", view.Find(".fi-count-duplicate").TextContent);
        Assert.Empty(view.FindAll(".fi-errors"));
        Assert.Empty(view.FindAll(".fi-errors-download"));
    }

    [Fact]
    public void A_file_with_only_a_header_says_it_has_no_data_rows()
    {
        var view = Show(Result(0, 0, 0, 0, []));

        Assert.Contains("events.csv has a header but no data rows.", view.Markup, StringComparison.Ordinal);
        Assert.Equal("0", view.Find(".fi-count-read").TextContent);
    }

    [Fact]
    public void No_result_yet_shows_the_empty_face()
    {
        var view = Show(null);

        Assert.Equal("No import to show yet.", view.Find(".fi-result-empty").TextContent.Trim());
        Assert.Empty(view.FindAll(".fi-count-read"));
    }

    [Fact]
    public void A_failed_import_shows_why_and_that_nothing_was_stored()
    {
        var failed = new ImportResult(9, ImportStatus.Failed, "", "", 0, 0, 0, 0, [], "The file is empty or has no header row.");

        var view = Show(failed);

        var alert = view.Find(".fi-result-failed").TextContent;
        Assert.Contains("events.csv could not be imported.", alert, StringComparison.Ordinal);
        Assert.Contains("The file is empty or has no header row.", alert, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored: the store is as it was before.", alert, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".fi-count-read"));
    }

    [Fact]
    public void An_interrupted_import_says_why_and_that_nothing_was_stored()
    {
        var interrupted = new ImportResult(9, ImportStatus.Interrupted, "", "", 0, 0, 0, 0, [], InterruptedImports.Message);

        var view = Show(interrupted);

        var alert = view.Find(".fi-result-failed").TextContent;
        Assert.Contains("The import was interrupted (its process ended before it finished); nothing was stored.", alert, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored: the store is as it was before.", alert, StringComparison.Ordinal);
    }

    [Fact]
    public void In_arabic_a_cancelled_import_is_told_in_arabic_without_core_english_message()
    {
        UseCulture("ar");
        var cancelled = new ImportResult(9, ImportStatus.Cancelled, "", "", 0, 0, 0, 0, [], "The import was cancelled; nothing was stored.");

        var view = Show(cancelled);

        var alert = view.Find(".fi-result-failed").TextContent;
        Assert.Contains("أُوقف استيراد events.csv.", alert, StringComparison.Ordinal);
        Assert.Contains("لم يُحفظ شيء: بقي المتجر كما كان.", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelled", alert, StringComparison.Ordinal);
    }

    [Fact]
    public void In_arabic_the_labels_are_arabic_and_the_counts_keep_their_values()
    {
        UseCulture("ar");

        var view = Show(Result(1234, 1200, 4, 30, TwoErrors));

        Assert.Contains("مرفوضة", view.Markup, StringComparison.Ordinal);
        Assert.Contains("تنزيل ملف الأخطاء (CSV)", view.Find("a.fi-errors-download").TextContent, StringComparison.Ordinal);
        Assert.Equal("\u20661,234\u2069", view.Find(".fi-count-read").TextContent); // Latin digits, kept left to right
    }

    private static readonly RowError[] TwoWarnings =
    [
        new(4, "price", ImportReason.Of(ImportReasonCode.NotANumber, "price", "12,5x"), "2024-03-01T10:01:00Z,view_item,s1,12,5x", RowSeverity.Warning),
        new(6, "price", ImportReason.Of(ImportReasonCode.NotANumber, "price", "SAR ??"), "2024-03-01T10:03:00Z,view_item,s1,SAR ??", RowSeverity.Warning),
    ];

    [Fact]
    public void Warnings_are_counted_and_listed_apart_from_the_rejected_rows()
    {
        var view = Show(Result(9, 8, 2, 0, TwoErrors) with { Warnings = 3, FirstWarnings = TwoWarnings });

        Assert.Equal(("2", "3"), (view.Find(".fi-count-rejected").TextContent, view.Find(".fi-count-warnings").TextContent));
        Assert.Equal(2, view.FindAll(".fi-errors tbody tr").Count);
        var warnings = view.FindAll(".fi-warnings tbody tr");
        Assert.Equal(["4", "price", "price '12,5x' is not a number.", "2024-03-01T10:01:00Z,view_item,s1,12,5x"], warnings[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(2, warnings.Count);
        Assert.Contains("Values that could not be read (their rows were kept without them)", view.Markup, StringComparison.Ordinal);
        Assert.Contains("The first 2 of 3 warnings are shown", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_with_only_warnings_says_the_rows_were_kept_and_offers_the_error_file()
    {
        var view = Show(Result(9, 9, 0, 0, []) with { Warnings = 2, FirstWarnings = TwoWarnings });

        Assert.Contains("events.csv was imported, but 2 values could not be read: their rows were kept without them.", view.Find(".fi-result-warned").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".fi-errors"));
        Assert.Equal("/stores/7/imports/42/errors.csv", view.Find("a.fi-errors-download").GetAttribute("href"));
    }

    [Fact]
    public void In_arabic_the_warnings_are_told_in_arabic()
    {
        UseCulture("ar");

        var view = Show(Result(9, 9, 0, 0, []) with { Warnings = 2, FirstWarnings = TwoWarnings });

        Assert.Contains("قيم تعذّرت قراءتها (حُفظت صفوفها من دونها)", view.Markup, StringComparison.Ordinal);
        Assert.Contains("تحذيرات", view.Markup, StringComparison.Ordinal);
        Assert.Equal(2, view.FindAll(".fi-warnings tbody tr").Count);
        Assert.Equal("قيمة \u2068price\u2069 «\u206812,5x\u2069» ليست رقمًا.", view.FindAll(".fi-warnings tbody tr")[0].QuerySelectorAll("td")[2].TextContent);
    }

    [Fact]
    public void In_arabic_a_row_error_is_told_in_arabic_with_the_value_the_file_wrote()
    {
        UseCulture("ar");

        var view = Show(Result(1234, 1200, 4, 30, TwoErrors));

        var cells = view.FindAll(".fi-errors tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent).ToArray();
        Assert.Equal(["تعذّرت قراءة الوقت «\u2068yesterday\u2069».", "الحقل المطلوب \u2068event_type\u2069 مفقود."], cells);
    }

    [Fact]
    public void In_arabic_a_failed_import_says_why_in_arabic_naming_the_file_columns()
    {
        UseCulture("ar");
        var failed = ImportResult.Ended(9, ImportStatus.Failed, ImportReason.Of(ImportReasonCode.UnknownEventLayout, "a, b, <script>"));

        var view = Show(failed);

        var reason = view.Find(".fi-result-reason");
        Assert.StartsWith("الأعمدة (\u2068a, b, <script>\u2069) لا تطابق أي تصدير أحداث معروف", reason.TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", reason.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void In_arabic_a_file_that_is_not_csv_is_said_as_the_upload_check_says_it()
    {
        UseCulture("ar");
        var failed = ImportResult.Ended(9, ImportStatus.Failed, ImportReason.Of(ImportReasonCode.NotCsv, "orders.csv", nameof(FunnelInsight.Core.Import.Reading.ContentProblem.Pdf)));

        var view = Show(failed);

        Assert.Contains("\u2068orders.csv\u2069", view.Find(".fi-result-reason").TextContent, StringComparison.Ordinal);
        Assert.Contains("PDF", view.Find(".fi-result-reason").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("is a PDF", view.Find(".fi-result-reason").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void In_english_a_failed_import_says_cores_english_sentence()
    {
        var failed = ImportResult.Ended(9, ImportStatus.Failed, ImportReason.Of(ImportReasonCode.UnknownEncoding, "klingon"));

        var view = Show(failed);

        Assert.Equal("Unknown encoding 'klingon'. Use a name such as utf-8, utf-16, windows-1256 or windows-1252.", view.Find(".fi-result-reason").TextContent);
    }

    [Fact]
    public void The_result_says_how_the_file_was_read_and_whether_each_was_detected_assumed_or_chosen()
    {
        var result = Result(2, 2, 0, 0, []) with
        {
            Encoding = "windows-1256",
            Conventions = new FunnelInsight.Core.Import.Reading.FileConventions(
                FunnelInsight.Core.Import.Reading.DateOrder.Dmy, FunnelInsight.Core.Import.Reading.DecisionSource.Chosen,
                FunnelInsight.Core.Import.Reading.DecimalMark.Point, FunnelInsight.Core.Import.Reading.DecisionSource.Assumed),
        };

        var text = Show(result).Find(".fi-result-reading").TextContent;

        Assert.Contains("Encoding: windows-1256 — detected", text, StringComparison.Ordinal);
        Assert.Contains("Day/month order: Day first (31/12/2025) — chosen", text, StringComparison.Ordinal);
        Assert.Contains("Decimal mark: Point (1,234.50) — assumed (the file cannot tell)", text, StringComparison.Ordinal);
    }
}
