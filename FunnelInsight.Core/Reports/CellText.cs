using System.Globalization;

namespace FunnelInsight.Core.Reports;

/// <summary>How a report cell is written as text: invariant numbers and dates, text neutralised by <see cref="SpreadsheetCell"/>.</summary>
public static class CellText
{
    /// <summary>A cell as invariant text; numbers round-trip, dates are ISO 8601 UTC, text is neutralised.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string text => SpreadsheetCell.Neutralise(text),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => SpreadsheetCell.Neutralise(value.ToString()),
    };

    /// <summary>True for cells written as numbers.</summary>
    public static bool IsNumber(object? value) => value is double or float or int or long or decimal;
}
