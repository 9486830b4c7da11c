namespace FunnelInsight.Web.Components.UI;

/// <summary>
/// Unicode isolates for text set inside a right-to-left page. Without them the browser's bidirectional algorithm
/// moves a number's sign and unit around it ("+18" shows as "18+", "-USD 4,972" as "USD 4,972-"), and a Latin
/// source name with parentheses breaks the sentence around it.
/// </summary>
public static class Bidi
{
    private const char LeftToRightIsolate = '\u2066';
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>A number, with its sign, unit or currency, kept left to right as one piece in a right-to-left page.</summary>
    public static string Number(string text) =>
        DashboardCultures.IsRightToLeft ? LeftToRightIsolate + text + PopDirectionalIsolate : text;

    /// <summary>Text of either direction (a name, a source) set apart from the sentence around it in a right-to-left page.</summary>
    public static string Isolate(string text) =>
        DashboardCultures.IsRightToLeft ? FirstStrongIsolate + text + PopDirectionalIsolate : text;

    /// <summary>
    /// True when <paramref name="text"/> reads right to left: its first letter of a strong direction is Arabic or
    /// Hebrew (what <c>dir="auto"</c> decides in a browser).
    /// </summary>
    public static bool ReadsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return true;
            }

            if (char.IsLetter(c))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The text without the isolates (for a test, or an export that is not a page).</summary>
    public static string Plain(string text) =>
        text.Replace(LeftToRightIsolate.ToString(), "", StringComparison.Ordinal)
            .Replace(FirstStrongIsolate.ToString(), "", StringComparison.Ordinal)
            .Replace(PopDirectionalIsolate.ToString(), "", StringComparison.Ordinal);
}
