using System.Globalization;

namespace FunnelInsight.Core.Reports;

/// <summary>How a cell is written as text, with formula-injection neutralising.</summary>
public static class CellText
{
    /// <summary>
    /// Text that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return) gets a
    /// leading apostrophe, so an imported value such as <c>=HYPERLINK(…)</c> stays text.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A cell as invariant text; numbers round-trip, dates are ISO 8601 UTC, text is neutralised.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string text => Neutralise(text),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(value.ToString() ?? ""),
    };

    /// <summary>True for cells written as numbers.</summary>
    public static bool IsNumber(object? value) => value is double or float or int or long or decimal;
}
