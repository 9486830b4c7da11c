namespace FunnelInsight.Web.Services;

/// <summary>The languages the dashboard speaks, and how each writes its numbers.</summary>
public static class DashboardCultures
{
    /// <summary>The language used when none is chosen.</summary>
    public const string Default = "en";

    /// <summary>Every supported culture name.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Default, "ar"];

    /// <summary>
    /// The cultures the pages format with. Arabic keeps its words, dates and direction but writes every number with
    /// Latin digits and Latin marks (<c>30,017</c>, <c>87.5%</c>, <c>-4,972</c>): the charts, the exports and the typed
    /// date fields write them so, and .NET would otherwise mix Latin digits with Arabic separators (<c>30٬017</c>).
    /// </summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. Supported.Select(Create)];

    /// <summary>True when the current UI language is written right to left.</summary>
    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <summary>The dashboard's culture named <paramref name="name"/> (one of <see cref="Supported"/>), read-only.</summary>
    public static CultureInfo Create(string name)
    {
        var culture = new CultureInfo(name);
        if (culture.TextInfo.IsRightToLeft)
        {
            var latin = CultureInfo.InvariantCulture.NumberFormat;
            var format = culture.NumberFormat;
            format.NativeDigits = latin.NativeDigits;
            format.DigitSubstitution = DigitShapes.None;
            format.NegativeSign = latin.NegativeSign;
            format.PositiveSign = latin.PositiveSign;
            format.PercentSymbol = latin.PercentSymbol;
            format.PerMilleSymbol = latin.PerMilleSymbol;
            format.NumberDecimalSeparator = format.PercentDecimalSeparator = format.CurrencyDecimalSeparator = ".";
            format.NumberGroupSeparator = format.PercentGroupSeparator = format.CurrencyGroupSeparator = ",";
            format.PercentPositivePattern = 1; // 87.5%
            format.PercentNegativePattern = 1; // -87.5%
        }

        return CultureInfo.ReadOnly(culture);
    }
}
