using static FunnelInsight.Core.Reports.ReportColumn;

namespace FunnelInsight.Tests.Core.Reports;

public sealed class ReportAboutTests
{
    private static readonly ReportAbout About = new(7, "=Shop", "funnel", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), "Asia/Riyadh", "SAR",
        [KeyValuePair.Create("device", "mobile"), KeyValuePair.Create("mode", "open")], new DateTime(2026, 12, 1, 9, 30, 5, DateTimeKind.Utc)) { Version = "1.2.3+abc" };

    private static ReportDocument Document => new("funnel", new { overallConversion = 0.5 }, [new ReportTable("funnel", [Text("stage"), Count("reached")], [["landing", 4L]])])
    {
        About = About,
        Currency = "SAR",
    };

    [Fact]
    public void Json_carries_a_meta_object_first_with_the_store_period_zone_currency_filters_time_and_version()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToText(Document));
        var root = json.RootElement;

        Assert.Equal(["meta", "overallConversion"], root.EnumerateObject().Select(p => p.Name));
        var meta = root.GetProperty("meta");
        Assert.Equal(("=Shop", 7, "funnel", "2025-03-01", "2025-03-31"), (meta.GetProperty("store").GetString(), meta.GetProperty("storeId").GetInt32(),
            meta.GetProperty("report").GetString(), meta.GetProperty("from").GetString(), meta.GetProperty("to").GetString()));
        Assert.Equal(("Asia/Riyadh", "SAR", "1.2.3+abc"), (meta.GetProperty("timeZone").GetString(), meta.GetProperty("currency").GetString(), meta.GetProperty("version").GetString()));
        Assert.Equal(("mobile", "open"), (meta.GetProperty("filters").GetProperty("device").GetString(), meta.GetProperty("filters").GetProperty("mode").GetString()));
        Assert.Equal(About.GeneratedUtc, meta.GetProperty("generatedUtc").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public void A_workbook_ends_with_an_about_sheet_of_typed_fields_and_neutralised_text()
    {
        using var output = new MemoryStream();
        XlsxReportWriter.Write(Document, output);
        using var book = OpenedWorkbook.Open(output.ToArray());

        Assert.Equal(["funnel", "about"], book.SheetNames);
        var fields = Enumerable.Range(2, 11).ToDictionary(r => book.Text("about", $"A{r}"), r => r);
        Assert.Equal("'=Shop", book.Text("about", $"B{fields["store"]}"));
        Assert.Equal(("45717", "yyyy-mm-dd"), (book.Text("about", $"B{fields["from"]}"), book.FormatCode("about", $"B{fields["from"]}")));
        Assert.Equal("mobile", book.Text("about", $"B{fields["filter:device"]}"));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", book.FormatCode("about", $"B{fields["generatedUtc"]}"));
        Assert.Equal("1.2.3+abc", book.Text("about", $"B{fields["version"]}"));
    }

    [Fact]
    public async Task The_csv_keeps_its_table_alone_and_the_sidecar_is_a_field_value_table()
    {
        using var table = new StringWriter();
        await CsvReportWriter.WriteAsync(Document, table);
        using var sidecar = new StringWriter();
        await CsvReportWriter.WriteAsync(new ReportDocument("funnel", new { }, [About.Table()]), sidecar);

        Assert.Equal("stage,reached\r\nlanding,4\r\n", table.ToString());
        Assert.Equal(
            "field,value\r\nstore,\"'=Shop\"\r\nstoreId,7\r\nreport,funnel\r\nfrom,2025-03-01\r\nto,2025-03-31\r\ntimeZone,Asia/Riyadh\r\ncurrency,SAR\r\n" +
            "filter:device,mobile\r\nfilter:mode,open\r\ngeneratedUtc,2026-12-01T09:30:05Z\r\nversion,1.2.3+abc\r\n", sidecar.ToString());
    }
}
