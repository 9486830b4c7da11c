using FunnelInsight.Web.Components.UI;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports;

/// <summary>
/// The amounts the page tests write in each currency and language, computed by hand: 1,234.5678 and 98.7654 to the minor
/// unit of a dinar (3 decimals: 1,234.568 and 98.765), a dollar (2: 1,234.57 and 98.77) and a yen (0: 1,235 and 99);
/// English puts the code before the amount, Arabic after it, each amount kept left to right in one piece.
/// </summary>
public static class MoneyCases
{
    /// <summary>The first amount of every page test.</summary>
    public const double Large = 1234.5678;

    /// <summary>The second amount of every page test.</summary>
    public const double Small = 98.7654;

    /// <summary>Culture, currency, <see cref="Large"/> and <see cref="Small"/> as a page shows them (after <see cref="Shown"/>).</summary>
    public static TheoryData<string, string, string, string> Amounts => new()
    {
        { "en", "KWD", "KWD 1,234.568", "KWD 98.765" },
        { "en", "USD", "USD 1,234.57", "USD 98.77" },
        { "en", "JPY", "JPY 1,235", "JPY 99" },
        { "ar", "KWD", "1,234.568 KWD", "98.765 KWD" },
        { "ar", "USD", "1,234.57 USD", "98.77 USD" },
        { "ar", "JPY", "1,235 JPY", "99 JPY" },
    };

    /// <summary>
    /// A page's text without the isolates, the no-break spaces and the right-to-left marks a culture puts around a code,
    /// after checking that every amount in Arabic starts its own left-to-right isolate.
    /// </summary>
    public static string Shown(string text, string culture)
    {
        if (culture == "ar")
        {
            Assert.Contains("\u2066", text, StringComparison.Ordinal);
        }

        return Bidi.Plain(text).Replace("\u00a0", " ", StringComparison.Ordinal).Replace("\u200f", "", StringComparison.Ordinal).Trim();
    }
}
