using System.Text.RegularExpressions;

namespace FunnelInsight.Core.Import.Orders;

/// <summary>The UTC offset a time in an export is written with (Shopify's <c>2024-03-14 10:21:33 -0700</c>, ISO's <c>+03:00</c> or <c>Z</c>).</summary>
internal static partial class TimeOffsetText
{
    /// <summary>The offset as <c>±hh:mm</c>, or null when the time carries none.</summary>
    public static string? Read(string time)
    {
        var text = time.Trim();
        if (text.Length > 10 && (text.EndsWith('Z') || text.EndsWith('z')) && char.IsAsciiDigit(text[^2]))
        {
            return "+00:00";
        }

        var match = Offset().Match(text);
        return match.Success ? $"{match.Groups[1].Value}{match.Groups[2].Value}:{match.Groups[3].Value}" : null;
    }

    // Only after a time of day ("10:21:33 -0700", "08:15:00+03:00"), so that a date such as 20-05-2024 is no offset.
    [GeneratedRegex(@":\d{2}(?:\.\d+)?\s*([+-])(\d{2}):?(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();
}
