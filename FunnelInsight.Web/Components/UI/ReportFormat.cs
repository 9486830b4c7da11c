using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FunnelInsight.Web.Components.UI;

/// <summary>
/// Rates, money, intervals and days of the report pages, as the current language writes them; every number is kept
/// in one piece (<see cref="Bidi.Number"/>) so a right-to-left page shows its sign and unit where they belong.
/// </summary>
public static class ReportFormat
{
    /// <summary>A fraction as a percentage with one decimal (0.6957 → 69.6%).</summary>
    public static string Percent(double fraction) => Bidi.Number(fraction.ToString("P1", CultureInfo.CurrentCulture));

    /// <summary>The confidence level of every interval shown, 95%, written as the page writes percentages.</summary>
    public static string Confidence => Bidi.Number(0.95.ToString("P0", CultureInfo.CurrentCulture));

    /// <summary>A rate, or a dash when it has no data.</summary>
    public static string Rate(Proportion rate) => rate.HasData ? Percent(rate.Value) : "—";

    /// <summary>The 95% interval of a rate (“65.1%–74.0%”), or empty when it has no data.</summary>
    public static string Interval(Proportion rate) =>
        rate.HasData ? $"{Percent(rate.Low)} – {Percent(rate.High)}" : "";

    /// <summary>A change in percentage points with its sign (+1.2 pp).</summary>
    public static string Points(double fractionDifference) =>
        Bidi.Number((fractionDifference * 100).ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture));

    /// <summary>A p-value with three decimals, or “&lt; 0.001” below that (never a bare 0.000).</summary>
    public static string PValue(double p) => Bidi.Number(p < 0.001
        ? "< " + 0.001.ToString("0.000", CultureInfo.CurrentCulture)
        : p.ToString("0.000", CultureInfo.CurrentCulture));

    /// <summary>
    /// An amount in the store's currency (ISO code) to its minor unit, with the culture's digits and separators: USD 39.82,
    /// JPY 1,500, KWD 1.673 (rounded as every report rounds it, <see cref="CurrencyMinorUnit.Round(double, string?)"/>).
    /// Every money figure of every page, a total as much as a price, is written by this one method.
    /// </summary>
    public static string Money(double amount, string currency) => Amount(Rounded(amount, currency), currency);

    /// <summary>A change in an amount with its sign, to the currency's minor unit (+USD 120.00, -USD 4,972.00, +JPY 120).</summary>
    public static string SignedMoney(double change, string currency) =>
        Rounded(change, currency) > 0 ? Bidi.Number("+" + Money(change, currency)) : Money(change, currency);

    // Rounded to the minor unit, with a negative amount that rounds to nothing written 0, never -0.00.
    private static double Rounded(double amount, string currency) => CurrencyMinorUnit.Round(amount, currency) is var rounded && rounded == 0 ? 0 : rounded;

    private static string Amount(double amount, string currency)
    {
        var decimals = CurrencyMinorUnit.Decimals(currency);
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = currency;

        // A code needs a space where a symbol ($, €) sits tight against the digits.
        format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
        format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 1 => 9, 5 => 8, var p => p };
        return Bidi.Number(amount.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format));
    }

    /// <summary>A day in the culture's short date.</summary>
    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A day as a chart label: day and month name, which reads well in either direction.</summary>
    public static string ShortDay(DateOnly day) => day.ToString("d MMM", CultureInfo.CurrentCulture);

    /// <summary>A <c>yyyy-MM</c> month in the culture's month and year.</summary>
    public static string Month(string period) =>
        DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMM yyyy", CultureInfo.CurrentCulture)
            : period;

    /// <summary>A duration in its two largest units (4 min 38 s, 1 h 2 min, 1 d 1 h), or a dash without one.</summary>
    public static string Elapsed(double? seconds, IStringLocalizer<ReportStrings> text)
    {
        if (seconds is not { } value)
        {
            return "—";
        }

        var span = TimeSpan.FromSeconds(Math.Round(value));
        string N(double n) => Bidi.Number(((long)n).ToString("N0", CultureInfo.CurrentCulture));
        return span.TotalMinutes < 1 ? text["ElapsedSeconds", N(span.TotalSeconds)]
            : span.TotalHours < 1 ? text["ElapsedMinutes", N(span.Minutes), N(span.Seconds)]
            : span.TotalDays < 1 ? text["ElapsedHours", N(span.Hours), N(span.Minutes)]
            : text["ElapsedDays", N(Math.Floor(span.TotalDays)), N(span.Hours)];
    }
}
