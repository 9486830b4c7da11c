using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// The workbook's styles part: a bold header, and one number format per <see cref="CellKind"/> that has one
/// (counts <c>#,##0</c>, rates <c>0.00%</c>, money to the minor unit of the workbook's currency — <c>#,##0.00</c> for USD,
/// <c>#,##0</c> for JPY, <c>#,##0.000</c> for KWD —, days, months and UTC instants).
/// </summary>
internal static class XlsxStyles
{
    /// <summary>The style of the header row: bold.</summary>
    public const uint Header = 1;

    // Custom number formats start at 164; the ids below 164 are Excel's built-ins, whose codes vary by locale.
    private static readonly CellKind[] Formatted = [CellKind.Count, CellKind.Percent, CellKind.Money, CellKind.Date, CellKind.Month, CellKind.Time];

    /// <summary>The style index of a data cell of <paramref name="kind"/> (0, the default, for text, numbers and booleans).</summary>
    public static uint Of(CellKind kind)
    {
        var index = Array.IndexOf(Formatted, kind);
        return index < 0 ? 0 : (uint)index + 2;
    }

    /// <summary>
    /// The stylesheet of a workbook whose money is in <paramref name="currency"/>: number formats, fonts (regular, bold),
    /// the two fills every workbook has, no borders, and the cell formats.
    /// </summary>
    public static Stylesheet Build(string? currency)
    {
        var numberFormats = new NumberingFormats(Formatted.Select((kind, i) => new NumberingFormat { NumberFormatId = 164u + (uint)i, FormatCode = Code(kind, currency) }))
        {
            Count = (uint)Formatted.Length,
        };
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 };
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true });
        for (var i = 0; i < Formatted.Length; i++)
        {
            cellFormats.AppendChild(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 164u + (uint)i, ApplyNumberFormat = true });
        }

        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        var styleFormats = new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 };
        var styles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(numberFormats, fonts, fills, borders, styleFormats, cellFormats, styles);
    }

    private static string Code(CellKind kind, string? currency) => kind switch
    {
        CellKind.Count => "#,##0",
        CellKind.Percent => "0.00%",
        CellKind.Money => MoneyCode(currency),
        CellKind.Date => "yyyy-mm-dd",
        CellKind.Month => "yyyy-mm",
        _ => "yyyy-mm-dd hh:mm:ss",
    };

    // Money shows as many decimals as the currency's minor unit (cents when the currency is unknown).
    private static string MoneyCode(string? currency) =>
        CurrencyMinorUnit.Decimals(currency) is > 0 and var decimals ? "#,##0." + new string('0', decimals) : "#,##0";
}
