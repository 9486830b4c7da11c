using FunnelInsight.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FunnelInsight.Web.Components.UI;

/// <summary>Numbers, sizes and times as the current language writes them, each kept in one piece for right-to-left text.</summary>
public static class Format
{
    /// <summary>A count with the culture's digit grouping.</summary>
    public static string Count(long value) => Bidi.Number(value.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>A change in a count with its sign (+18, -3, 0).</summary>
    public static string SignedCount(long change) => Bidi.Number((change > 0 ? "+" : "") + change.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>A file size in B, KB, MB or GB, with the unit names of the current language.</summary>
    public static string Bytes(long bytes, IStringLocalizer<Strings> text)
    {
        var culture = CultureInfo.CurrentCulture;
        return bytes switch
        {
            < 1024 => text["SizeBytes", Bidi.Number(bytes.ToString("N0", culture))],
            < 1024 * 1024 => text["SizeKB", Bidi.Number((bytes / 1024d).ToString("#,0.#", culture))],
            < 1024L * 1024 * 1024 => text["SizeMB", Bidi.Number((bytes / (1024d * 1024)).ToString("#,0.##", culture))],
            _ => text["SizeGB", Bidi.Number((bytes / (1024d * 1024 * 1024)).ToString("#,0.##", culture))],
        };
    }

    /// <summary>A UTC time in the culture's short date and time, marked UTC.</summary>
    public static string Utc(DateTime utc) => utc.ToString("g", CultureInfo.CurrentCulture) + " UTC";
}
