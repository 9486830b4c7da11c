using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// The workbook's styles part: a bold header, and one number format per <see cref="CellKind"/> that has one
/// (counts <c>#,##0</c>, rates <c>0.00%</c>, money <c>#,##0.00</c>, days, months and UTC instants).
/// </summary>
internal static class XlsxStyles
{
    /// <summary>The style of the header row: bold.</summary>
    public const uint Header = 1;

    // Custom number formats start at 164; the ids below 164 are Excel's built-ins, whose codes vary by locale.
    private static readonly (CellKind Kind, string Code)[] Formats =
    [
        (CellKind.Count, "#,##0"),
        (CellKind.Percent, "0.00%"),
        (CellKind.Money, "#,##0.00"),
        (CellKind.Date, "yyyy-mm-dd"),
        (CellKind.Month, "yyyy-mm"),
        (CellKind.Time, "yyyy-mm-dd hh:mm:ss"),
    ];

    /// <summary>The style index of a data cell of <paramref name="kind"/> (0, the default, for text, numbers and booleans).</summary>
    public static uint Of(CellKind kind)
    {
        var index = Array.FindIndex(Formats, f => f.Kind == kind);
        return index < 0 ? 0 : (uint)index + 2;
    }

    /// <summary>The stylesheet: number formats, fonts (regular, bold), the two fills every workbook has, no borders, and the cell formats.</summary>
    public static Stylesheet Build()
    {
        var numberFormats = new NumberingFormats(Formats.Select((f, i) => new NumberingFormat { NumberFormatId = 164u + (uint)i, FormatCode = f.Code }))
        {
            Count = (uint)Formats.Length,
        };
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 };
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true });
        for (var i = 0; i < Formats.Length; i++)
        {
            cellFormats.AppendChild(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 164u + (uint)i, ApplyNumberFormat = true });
        }

        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        var styleFormats = new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 };
        var styles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(numberFormats, fonts, fills, borders, styleFormats, cellFormats, styles);
    }
}
