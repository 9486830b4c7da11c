namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// Reads a number as exports write prices and amounts: <c>12.50</c>, <c>12,50</c>, <c>1,234.50</c>, <c>1.234,50</c>,
/// <c>$12.50</c>, <c>SAR 99</c>, <c>12,50 €</c>, in the file's <see cref="DecimalMark"/>. Grouping must be by thousands,
/// so <c>12,50</c> in a file whose decimal mark is the point is refused, never read as 1250.
/// </summary>
public static class NumberText
{
    private static readonly System.Buffers.SearchValues<byte> PlainNumber = System.Buffers.SearchValues.Create("0123456789.-+eE"u8);

    /// <summary>Reads <paramref name="utf8"/>; false when it is not a number in <paramref name="mark"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, DecimalMark mark, out double value)
    {
        value = 0;
        var plain = utf8.Trim((byte)' ');
        if (!plain.ContainsAnyExcept(PlainNumber))
        {
            // The common case, a plain number, read from the bytes without a string.
            if (mark == DecimalMark.Point)
            {
                return double.TryParse(plain, Styles, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
            }

            var ascii = Encoding.ASCII.GetString(plain);
            return (ascii.IndexOf('.', StringComparison.Ordinal) < 0 || IsGrouped(ascii, '.')) && Finish(ascii.Replace(".", "", StringComparison.Ordinal), out value);
        }

        return TryParse(Encoding.UTF8.GetString(utf8), mark, out value);
    }

    /// <summary>Reads <paramref name="text"/>; false when it is not a number in <paramref name="mark"/>.</summary>
    public static bool TryParse(string text, DecimalMark mark, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        var core = StripCurrency(text);
        var (decimalChar, groupChar) = mark == DecimalMark.Point ? ('.', ',') : (',', '.');
        core = core.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        if (core.Contains(groupChar, StringComparison.Ordinal))
        {
            if (!IsGrouped(core, groupChar))
            {
                return false;
            }

            core = core.Replace(groupChar.ToString(), "", StringComparison.Ordinal);
        }

        return Finish(core.Replace(decimalChar, '.'), out value);
    }

    /// <summary>What a value says of the decimal mark: the mark, or null when it could be either (<c>1,234</c>, <c>12</c>).</summary>
    public static DecimalMark? Evidence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var core = StripCurrency(text);
        int comma = core.LastIndexOf(','), point = core.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
        {
            return comma > point ? DecimalMark.Comma : DecimalMark.Point;
        }

        var (at, mark, other) = comma >= 0 ? (comma, DecimalMark.Comma, DecimalMark.Point) : point >= 0 ? (point, DecimalMark.Point, DecimalMark.Comma) : (-1, DecimalMark.Point, DecimalMark.Point);
        if (at < 0)
        {
            return null;
        }

        var separator = core[at];
        var marks = core.Count(c => c == separator);
        // Two of the same are thousands groups; one followed by other than three digits is the decimal mark.
        return marks > 1 ? other : core.Length - at - 1 != 3 ? mark : null;
    }

    // Thousands groups: 1 to 3 digits, then groups of exactly 3, up to the end or the decimal part.
    private static bool IsGrouped(string core, char group)
    {
        var integer = core.TrimStart('-', '+');
        var end = integer.IndexOfAny(group == ',' ? ['.'] : [',']);
        var parts = (end >= 0 ? integer[..end] : integer).Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3) && parts.All(p => p.All(char.IsAsciiDigit));
    }

    private static string StripCurrency(string text)
    {
        var span = text.AsSpan().Trim();
        // A currency code or symbol before or after the number: "SAR 99", "$12.50", "12,50 €", "99 ر.س" is not taken apart.
        int start = 0, end = span.Length;
        while (start < end && IsCurrency(span[start]))
        {
            start++;
        }

        while (end > start && IsCurrency(span[end - 1]))
        {
            end--;
        }

        // A lone letter stuck to the number (12,5x) is a typo, not a currency: the text is left whole, and so is no number.
        return IsCurrencyMark(span[..start]) && IsCurrencyMark(span[end..]) ? span[start..end].ToString() : span.ToString();
    }

    // Empty, a code of two letters or more (SAR, kr), or anything with a currency sign ($, R$, €).
    private static bool IsCurrencyMark(ReadOnlySpan<char> mark)
    {
        int letters = 0, signs = 0;
        foreach (var c in mark)
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            signs += CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol ? 1 : 0;
        }

        return signs > 0 || letters != 1;
    }

    private static bool IsCurrency(char c) =>
        char.IsAsciiLetterUpper(c) || char.IsAsciiLetterLower(c) || c is ' ' or '\u00A0'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol;

    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static bool Finish(string core, out double value) =>
        double.TryParse(core, Styles, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
