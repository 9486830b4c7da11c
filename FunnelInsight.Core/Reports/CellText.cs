namespace FunnelInsight.Core.Reports;

/// <summary>How a report cell is written as text: invariant numbers and dates, text neutralised by <see cref="SpreadsheetCell"/>.</summary>
public static class CellText
{
    /// <summary>A cell as invariant text; numbers round-trip, days are ISO 8601 (a month <c>yyyy-MM</c>), instants ISO 8601 UTC, text is neutralised.</summary>
    /// <param name="value">The cell (a <see cref="ReportCell"/> is written as its value).</param>
    /// <param name="kind">Its column's kind: decides how a day is written.</param>
    public static string Format(object? value, CellKind kind = CellKind.Text)
    {
        kind = ReportCell.KindOf(value, kind);
        return ReportCell.ValueOf(value) switch
        {
            null => "",
            string text => SpreadsheetCell.Neutralise(text),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString(kind == CellKind.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => SpreadsheetCell.Neutralise(other.ToString()),
        };
    }

    /// <summary>True for cells written as numbers.</summary>
    public static bool IsNumber(object? value) => ReportCell.ValueOf(value) is double or float or int or long or decimal;
}
