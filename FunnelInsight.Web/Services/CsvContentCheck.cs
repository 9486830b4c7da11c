namespace FunnelInsight.Web.Services;

/// <summary>Looks at the first bytes of an upload and says why it is not a CSV export, if it is not.</summary>
internal static class CsvContentCheck
{
    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ("PK\u0003\u0004"u8.ToArray(), "is a ZIP archive or an Excel workbook, not a CSV export. Save it as CSV (comma separated) and upload that."),
        ([0xD0, 0xCF, 0x11, 0xE0], "is an Excel (.xls) or other Office document, not a CSV export. Save it as CSV and upload that."),
        ([0x1F, 0x8B], "is compressed (gzip). Decompress it and upload the CSV inside."),
        ("%PDF"u8.ToArray(), "is a PDF document, not a CSV export."),
        ("MZ"u8.ToArray(), "is a program, not a CSV export."),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "is a program, not a CSV export."),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "is an image, not a CSV export."),
        ([0xFF, 0xD8, 0xFF], "is an image, not a CSV export."),
    ];

    /// <summary>
    /// Null when <paramref name="head"/> looks like the start of a CSV file; otherwise the rest of a sentence that
    /// begins with the file's name.
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return "is empty.";
        }

        foreach (var (magic, what) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return what;
            }
        }

        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        foreach (var b in text)
        {
            // NUL and other control bytes do not occur in text exports (tab, CR, LF and form feed do).
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C))
            {
                return "contains binary data, not text: it is not a CSV export.";
            }
        }

        var trimmed = text.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("<"u8))
        {
            return "is a web page or XML document, not a CSV export.";
        }

        var lineEnd = trimmed.IndexOfAny((byte)'\n', (byte)'\r');
        var header = lineEnd >= 0 ? trimmed[..lineEnd] : trimmed;
        if (header.IndexOfAny(",;\t|"u8) < 0)
        {
            return "has no comma, semicolon, tab or | in its first line, so it has no CSV header.";
        }

        return null;
    }
}
