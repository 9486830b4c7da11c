using System.Collections.Frozen;

namespace FunnelInsight.Core.Domain;

/// <summary>
/// How many decimals an amount in a currency has (its ISO 4217 minor unit: 2 for USD, SAR and most, 0 for JPY, 3 for
/// KWD), and the one rounding every money figure gets before a report shows or exports it, so that a sum carries no
/// binary fraction noise (184248.33, never 184248.32999999993).
/// </summary>
public static class CurrencyMinorUnit
{
    /// <summary>The decimals of a currency ISO 4217 does not list apart, or of an unknown one.</summary>
    public const int Usual = 2;

    // ISO 4217's currencies whose minor unit is not 2 (the fund codes included); every other code has 2.
    private static readonly FrozenDictionary<string, int> Unusual = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0,
        ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The decimals of <paramref name="currency"/> (an ISO 4217 code, any case); <see cref="Usual"/> for null or an unknown code.</summary>
    public static int Decimals(string? currency) =>
        currency is not null && Unusual.TryGetValue(currency.Trim(), out var decimals) ? decimals : Usual;

    /// <summary>
    /// <paramref name="amount"/> to the minor unit of <paramref name="currency"/>, halves away from zero, taken through
    /// decimal so that a value written 2.675 rounds as written (to 2.68); a value that is not finite stays as it is.
    /// </summary>
    public static double Round(double amount, string? currency) =>
        double.IsFinite(amount) && Math.Abs(amount) < 1e15 ? Round((decimal)amount, currency) : amount;

    /// <summary>An exact sum to the minor unit of <paramref name="currency"/>, halves away from zero.</summary>
    public static double Round(decimal amount, string? currency) => (double)Math.Round(amount, Decimals(currency), MidpointRounding.AwayFromZero);

    /// <summary><see cref="Round(double, string?)"/> of an amount that may be absent.</summary>
    public static double? Round(double? amount, string? currency) => amount is { } value ? Round(value, currency) : null;
}
