using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// Writes a report as an XLSX workbook, the one writer of every workbook FunnelInsight makes: one sheet per table with a
/// bold, frozen header row (filterable) and widths from the content, and an <c>about</c> sheet saying what it is of; cells typed by their column (<see cref="CellKind"/>):
/// counts, rates (as fractions with a percent format), money (rounded to the minor unit of the currency and shown with
/// as many decimals — two for USD, none for JPY, three for KWD —, the currency in the header),
/// booleans, days and UTC instants as real spreadsheet values; text neutralised against formula injection.
/// </summary>
public static class XlsxReportWriter
{
    private const int MinWidth = 8;
    private const int MaxWidth = 60;

    // Column widths are taken from the header and the first rows: enough to size them, without a pass over a long list.
    private const int RowsMeasured = 500;

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (which must be writable; seeking not needed).</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build(document.Currency);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in document.Sheets)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = Sheet(table, document.Currency, first: id == 1);
                sheets.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id++, Name = table.Name[..Math.Min(31, table.Name.Length)] });
            }
        }

        // The package is built in memory because OpenXml needs a seekable stream and stdout is not one.
        buffer.Position = 0;
        buffer.CopyTo(output);
        output.Flush();
    }

    /// <summary>The header text of a column: a money column names the currency, <c>cartValue (USD)</c>.</summary>
    public static string HeaderText(ReportColumn column, string? currency) =>
        column.Kind == CellKind.Money && !string.IsNullOrEmpty(currency) ? $"{column.Name} ({currency})" : column.Name;

    private static Worksheet Sheet(ReportTable table, string? currency, bool first)
    {
        var header = table.Columns.Select(c => HeaderText(c, currency)).ToList();
        var data = new SheetData();
        var headerRow = new Row { RowIndex = 1 };
        for (var i = 0; i < header.Count; i++)
        {
            headerRow.AppendChild(TextCell(Reference(i, 1), SpreadsheetCell.Neutralise(header[i]), XlsxStyles.Header));
        }

        data.AppendChild(headerRow);
        uint rowIndex = 2;
        foreach (var cells in table.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < cells.Count; i++)
            {
                var kind = ReportCell.KindOf(cells[i], i < table.Columns.Count ? table.Columns[i].Kind : CellKind.Text);
                row.AppendChild(Cell(Reference(i, rowIndex), ReportCell.ValueOf(cells[i]), kind, currency));
            }

            data.AppendChild(row);
            rowIndex++;
        }

        var worksheet = new Worksheet(Frozen(first), Widths(table, header), data);
        if (header.Count > 0)
        {
            worksheet.AppendChild(new AutoFilter { Reference = $"A1:{Reference(header.Count - 1, rowIndex - 1)}" });
        }

        return worksheet;
    }

    private static Cell Cell(string reference, object? value, CellKind kind, string? currency) => value switch
    {
        null => new Cell { CellReference = reference },
        bool flag => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        DateOnly day => Number(reference, day.ToDateTime(TimeOnly.MinValue).ToOADate(), kind is CellKind.Month ? kind : CellKind.Date, currency),
        DateTime time => Number(reference, time.ToOADate(), CellKind.Time, currency),
        _ when CellText.IsNumber(value) => Number(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), kind, currency),
        _ => TextCell(reference, CellText.Format(value, kind), 0),
    };

    private static Cell Number(string reference, double value, CellKind kind, string? currency)
    {
        // Money is stored as it is shown, to the currency's minor unit: a sum of the column then adds what the merchant reads.
        var stored = kind == CellKind.Money ? Domain.CurrencyMinorUnit.Round(value, currency) : value;
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            CellValue = new CellValue(stored.ToString("R", CultureInfo.InvariantCulture)),
            StyleIndex = XlsxStyles.Of(kind) is var style and > 0 ? style : null,
        };
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style > 0 ? style : null,
    };

    // The header row stays in view when scrolling.
    private static SheetViews Frozen(bool first) => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        WorkbookViewId = 0,
        TabSelected = first,
    });

    private static Columns Widths(ReportTable table, List<string> header)
    {
        var columns = new Columns();
        for (var i = 0; i < header.Count; i++)
        {
            var kind = table.Columns[i].Kind;
            var widest = table.Rows.Take(RowsMeasured).Select(r => i < r.Count ? Shown(r[i], kind) : 0).DefaultIfEmpty(0).Max();
            var width = Math.Clamp(Math.Max(widest, header[i].Length) + 2, MinWidth, MaxWidth);
            columns.AppendChild(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }

        return columns;
    }

    // About how many characters a cell takes once formatted (a rate "84.06%", money with separators and cents).
    private static int Shown(object? cell, CellKind kind) => ReportCell.KindOf(cell, kind) switch
    {
        CellKind.Percent => 8,
        CellKind.Date => 10,
        CellKind.Month => 7,
        CellKind.Time => 19,
        CellKind.Boolean => 5,
        CellKind.Money => CellText.Format(ReportCell.ValueOf(cell) is double money ? Math.Round(money) : cell, kind).Length * 4 / 3 + 3,
        var other => CellText.Format(cell, other).Length,
    };

    /// <summary>The A1 reference of a zero-based column and a one-based row.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
