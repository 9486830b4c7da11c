namespace FunnelInsight.Core.Reports;

/// <summary>
/// Makes text safe to put in a cell of an XLSX export (CSV has CsvHelper's own escaping, see <see cref="CsvReportWriter"/>). Text that a spreadsheet would run as a
/// formula (starting with <c>= + - @</c>, tab or carriage return) gets a leading apostrophe, so an imported
/// value such as <c>=HYPERLINK(…)</c> is shown as text and never evaluated (OWASP "CSV injection").
/// </summary>
public static class SpreadsheetCell
{
    /// <summary>The text with a leading <c>'</c> when a spreadsheet would treat it as a formula; otherwise unchanged.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
