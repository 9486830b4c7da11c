using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelInsight.Core.Reports;

/// <summary>Writes a report as an XLSX workbook: one sheet per table, a header row, numbers as numbers, text neutralised.</summary>
public static class XlsxReportWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (which must be writable; seeking not needed).</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in document.Tables)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(Row(table.Header.Cast<object?>().ToList()));
                foreach (var row in table.Rows)
                {
                    data.AppendChild(Row(row));
                }

                sheetPart.Worksheet = new Worksheet(data);
                sheets.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id++, Name = table.Name[..Math.Min(31, table.Name.Length)] });
            }
        }

        // The package is built in memory because OpenXml needs a seekable stream and stdout is not one.
        buffer.Position = 0;
        buffer.CopyTo(output);
        output.Flush();
    }

    private static Row Row(IReadOnlyList<object?> cells)
    {
        var row = new Row();
        foreach (var value in cells)
        {
            row.AppendChild(CellText.IsNumber(value)
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(CellText.Format(value)) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(CellText.Format(value))) });
        }

        return row;
    }
}
