using DocumentFormat.OpenXml.Spreadsheet;
using static FunnelInsight.Core.Reports.ReportColumn;

namespace FunnelInsight.Tests.Core.Reports;

public sealed class XlsxReportWriterTests
{
    private static readonly DateTime LastEvent = new(2024, 3, 4, 10, 2, 0, DateTimeKind.Utc);

    private static OpenedWorkbook Written(ReportDocument document)
    {
        using var output = new MemoryStream();
        XlsxReportWriter.Write(document, output);
        return OpenedWorkbook.Open(output.ToArray());
    }

    private static ReportDocument OneOfEach(string? currency) => new("test", new { }, [
        new ReportTable("typed", [Text("name"), Count("sessions"), Percent("conversion"), Money("value"), Boolean("tracked"), Date("day"), Month("month"), Time("lastEventUtc"), Number("seconds")],
        [
            ["=cmd", 3065L, 0.84063, 82769.4912, false, new DateOnly(2024, 3, 4), new DateOnly(2011, 3, 1), LastEvent, 278.5],
            [null, 0, null, null, true, null, null, null, null],
        ]),
    ]) { Currency = currency };

    [Fact]
    public void Each_cell_is_typed_by_its_column_with_a_number_format()
    {
        using var book = Written(OneOfEach("USD"));

        // Text stays text, neutralised; a count is a number shown with thousands separators.
        Assert.Equal((CellValues.InlineString, "'=cmd"), (book.Cell("typed", "A2").DataType!.Value, book.Text("typed", "A2")));
        Assert.Equal((CellValues.Number, "3065", "#,##0"), (book.Cell("typed", "B2").DataType!.Value, book.Text("typed", "B2"), book.FormatCode("typed", "B2")));
        // A rate keeps its fraction (a spreadsheet computes with it) and is shown as a percentage: 84.06%.
        Assert.Equal((CellValues.Number, "0.84063", "0.00%"), (book.Cell("typed", "C2").DataType!.Value, book.Text("typed", "C2"), book.FormatCode("typed", "C2")));
        // Money is stored in cents as shown, with two decimals.
        Assert.Equal(("82769.49", "#,##0.00"), (book.Text("typed", "D2"), book.FormatCode("typed", "D2")));
        // A boolean is a boolean (0/1), not the text "false".
        Assert.Equal((CellValues.Boolean, "0"), (book.Cell("typed", "E2").DataType!.Value, book.Text("typed", "E2")));
        Assert.Equal((CellValues.Boolean, "1"), (book.Cell("typed", "E3").DataType!.Value, book.Text("typed", "E3")));
        // Days, months and instants are date serials: 2024-03-04 is day 45355 of Excel's calendar, 10:02 is 602/1440 of a day.
        Assert.Equal(("45355", "yyyy-mm-dd"), (book.Text("typed", "F2"), book.FormatCode("typed", "F2")));
        Assert.Equal(("40603", "yyyy-mm"), (book.Text("typed", "G2"), book.FormatCode("typed", "G2")));
        Assert.Equal(45355 + 602 / 1440.0, double.Parse(book.Text("typed", "H2"), System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal("yyyy-mm-dd hh:mm:ss", book.FormatCode("typed", "H2"));
        Assert.Equal(("278.5", "General"), (book.Text("typed", "I2"), book.FormatCode("typed", "I2")));
        // A missing value is an empty cell, not a zero.
        Assert.Null(book.Cell("typed", "C3").CellValue);
    }

    [Theory]
    [InlineData("KWD", "82769.491", "#,##0.000")]
    [InlineData("JPY", "82769", "#,##0")]
    [InlineData("SAR", "82769.49", "#,##0.00")]
    public void Money_is_stored_and_shown_to_the_minor_unit_of_the_currency(string currency, string stored, string format)
    {
        using var book = Written(OneOfEach(currency));

        // 82769.4912 dinars are 82769.491 (fils, three decimals); yen have no minor unit; riyals have halalas (two).
        Assert.Equal((stored, format), (book.Text("typed", "D2"), book.FormatCode("typed", "D2")));
        // Counts keep their own format whatever the currency.
        Assert.Equal("#,##0", book.FormatCode("typed", "B2"));
    }

    [Fact]
    public void The_header_is_bold_frozen_and_filterable_and_names_the_currency_of_money_columns()
    {
        using var book = Written(OneOfEach("EUR"));

        Assert.Equal(["name", "sessions", "conversion", "value (EUR)"], Enumerable.Range(0, 4).Select(i => book.Text("typed", $"{(char)('A' + i)}1")));
        Assert.True(book.IsBold("typed", "A1"));
        Assert.False(book.IsBold("typed", "A2"));
        var pane = book.Sheet("typed").Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1.0, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal("A1:I3", book.Sheet("typed").Descendants<AutoFilter>().Single().Reference!.Value);
        // Widths follow the content: "lastEventUtc" instants (19 characters shown) are wider than "tracked".
        var widths = book.Sheet("typed").Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.True(widths[7] > widths[4], string.Join(", ", widths));
    }

    [Fact]
    public void Without_a_known_currency_a_money_header_is_the_column_name()
    {
        using var book = Written(OneOfEach(null));

        Assert.Equal("value", book.Text("typed", "D1"));
    }

    [Fact]
    public void A_figure_value_table_types_each_row_by_its_own_cell()
    {
        using var book = Written(new ReportDocument("test", new { }, [
            new ReportTable("summary", [Text("figure"), Number("value")],
            [
                ["cartAbandonmentRate", new ReportCell(0.5, CellKind.Percent)],
                ["abandonedCartValue", new ReportCell(12.345, CellKind.Money)],
                ["currency", new ReportCell("USD", CellKind.Text)],
            ]),
        ]));

        Assert.Equal(("0.5", "0.00%"), (book.Text("summary", "B2"), book.FormatCode("summary", "B2")));
        Assert.Equal(("12.35", "#,##0.00"), (book.Text("summary", "B3"), book.FormatCode("summary", "B3")));
        Assert.Equal((CellValues.InlineString, "USD"), (book.Cell("summary", "B4").DataType!.Value, book.Text("summary", "B4")));
    }
}
