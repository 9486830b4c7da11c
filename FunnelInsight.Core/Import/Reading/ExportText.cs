namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// Text from a file on its way into a message: cut to a bounded length with the full size said, and with control
/// characters shown as <c>\u0001</c>, so that neither a 5 MB header nor binary garbage reaches a terminal or a page whole.
/// </summary>
public static class ExportText
{
    /// <summary>Longest value quoted inside a reason.</summary>
    public const int MaxValueLength = 100;

    /// <summary>Longest raw row kept with a row error.</summary>
    public const int MaxRawLength = 4000;

    /// <summary>
    /// <paramref name="text"/> with control characters escaped, cut to <paramref name="max"/> characters followed by
    /// <c>… (N characters)</c> when it is longer.
    /// </summary>
    public static string Cut(string text, int max = MaxValueLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var printable = Printable(text.Length > max ? text[..max] : text);
        return text.Length > max
            ? $"{printable}… ({text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)"
            : printable;
    }

    /// <summary>UTF-8 bytes from a file as message text: invalid bytes as U+FFFD, control characters escaped, cut.</summary>
    public static string Cut(ReadOnlySpan<byte> utf8, int max = MaxValueLength)
    {
        // A character is at most 4 bytes: decoding that many is enough for max characters.
        if (utf8.Length <= max * 4)
        {
            return Cut(Encoding.UTF8.GetString(utf8), max);
        }

        var text = Encoding.UTF8.GetString(utf8[..(max * 4)]);
        return $"{Printable(text.Length > max ? text[..max] : text)}… ({utf8.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)";
    }

    /// <summary>A header's column names for a message: the first 20, cut, and how many there are in all.</summary>
    public static string Columns(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        const int shown = 20;
        var names = string.Join(", ", header.Take(shown).Select(name => Cut(name, 40)));
        return header.Count > shown ? $"{names}, … ({header.Count.ToString("N0", CultureInfo.InvariantCulture)} columns)" : names;
    }

    private static string Printable(string text)
    {
        if (!text.Any(IsHidden))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            // Tabs and line breaks of quoted fields stay; every other control character is shown by its code.
            if (IsHidden(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsHidden(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');
}
