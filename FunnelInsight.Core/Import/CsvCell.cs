namespace FunnelInsight.Core.Import;

/// <summary>Writes one CSV cell safely: quoted when needed, and never run as a formula by a spreadsheet.</summary>
internal static class CsvCell
{
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    /// <summary>
    /// <paramref name="value"/> as a CSV cell. A value starting with <c>= + - @</c>, tab or carriage return gets a
    /// leading apostrophe, so Excel and LibreOffice show it as text instead of evaluating it.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
