using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelInsight.Tests.Support;

/// <summary>An XLSX file opened with the Open XML SDK, read the way a spreadsheet would: sheets, cells, their types and number formats.</summary>
public sealed class OpenedWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;

    private OpenedWorkbook(SpreadsheetDocument document) => _document = document;

    /// <summary>Opens a workbook held in memory.</summary>
    public static OpenedWorkbook Open(byte[] bytes) => new(SpreadsheetDocument.Open(new MemoryStream(bytes), false));

    /// <summary>Opens a workbook file.</summary>
    public static OpenedWorkbook Open(string path) => new(SpreadsheetDocument.Open(path, false));

    /// <summary>The sheet names in order.</summary>
    public IReadOnlyList<string> SheetNames => [.. Sheets().Select(s => s.Name!.Value!)];

    /// <summary>The stylesheet (null when the workbook has no styles part).</summary>
    public Stylesheet? Styles => _document.WorkbookPart!.WorkbookStylesPart?.Stylesheet;

    /// <summary>The worksheet called <paramref name="name"/>.</summary>
    public Worksheet Sheet(string name) =>
        ((WorksheetPart)_document.WorkbookPart!.GetPartById(Sheets().Single(s => s.Name == name).Id!.Value!)).Worksheet;

    /// <summary>The cell at an A1 reference of a sheet.</summary>
    public Cell Cell(string sheet, string reference) => Sheet(sheet).Descendants<Cell>().Single(c => c.CellReference == reference);

    /// <summary>The text of a cell: an inline string's text, else its value.</summary>
    public string Text(string sheet, string reference) => Cell(sheet, reference) is var cell && cell.InlineString is { } inline ? inline.InnerText : cell.CellValue?.Text ?? "";

    /// <summary>The number format code a cell is shown with ("General" for none).</summary>
    public string FormatCode(string sheet, string reference)
    {
        var style = Cell(sheet, reference).StyleIndex?.Value ?? 0;
        var format = Styles!.CellFormats!.Elements<CellFormat>().ElementAt((int)style);
        var id = format.NumberFormatId?.Value ?? 0;
        return id == 0 ? "General" : Styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == id).FormatCode!.Value!;
    }

    /// <summary>True when a cell's font is bold.</summary>
    public bool IsBold(string sheet, string reference)
    {
        var style = Cell(sheet, reference).StyleIndex?.Value ?? 0;
        var fontId = Styles!.CellFormats!.Elements<CellFormat>().ElementAt((int)style).FontId?.Value ?? 0;
        return Styles.Fonts!.Elements<Font>().ElementAt((int)fontId).Bold is not null;
    }

    private IEnumerable<Sheet> Sheets() => _document.WorkbookPart!.Workbook.Descendants<Sheet>();

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();
}
