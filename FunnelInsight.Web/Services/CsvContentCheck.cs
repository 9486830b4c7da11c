namespace FunnelInsight.Web.Services;

/// <summary>Looks at the first bytes of an upload and says why it is not a CSV export, if it is not.</summary>
internal static class CsvContentCheck
{
    private static readonly (byte[] Magic, UploadRefusal What)[] Signatures =
    [
        ("PK\u0003\u0004"u8.ToArray(), UploadRefusal.ZipArchive),
        ([0xD0, 0xCF, 0x11, 0xE0], UploadRefusal.OfficeDocument),
        ([0x1F, 0x8B], UploadRefusal.Gzip),
        ("%PDF"u8.ToArray(), UploadRefusal.Pdf),
        ("MZ"u8.ToArray(), UploadRefusal.Program),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], UploadRefusal.Program),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], UploadRefusal.Image),
        ([0xFF, 0xD8, 0xFF], UploadRefusal.Image),
    ];

    /// <summary>Null when <paramref name="head"/> looks like the start of a CSV file; otherwise why it does not.</summary>
    public static UploadRefusal? Problem(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return UploadRefusal.Empty;
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
                return UploadRefusal.Binary;
            }
        }

        var trimmed = text.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("<"u8))
        {
            return UploadRefusal.WebPage;
        }

        var lineEnd = trimmed.IndexOfAny((byte)'\n', (byte)'\r');
        var header = lineEnd >= 0 ? trimmed[..lineEnd] : trimmed;
        if (header.IndexOfAny(",;\t|"u8) < 0)
        {
            return UploadRefusal.NoDelimiter;
        }

        return null;
    }

    /// <summary>The English rest of a sentence that begins with the file's name (the upload API's words).</summary>
    public static string Sentence(UploadRefusal refusal) => refusal switch
    {
        UploadRefusal.Empty => "is empty.",
        UploadRefusal.ZipArchive => "is a ZIP archive or an Excel workbook, not a CSV export. Save it as CSV (comma separated) and upload that.",
        UploadRefusal.OfficeDocument => "is an Excel (.xls) or other Office document, not a CSV export. Save it as CSV and upload that.",
        UploadRefusal.Gzip => "is compressed (gzip). Decompress it and upload the CSV inside.",
        UploadRefusal.Pdf => "is a PDF document, not a CSV export.",
        UploadRefusal.Program => "is a program, not a CSV export.",
        UploadRefusal.Image => "is an image, not a CSV export.",
        UploadRefusal.Binary => "contains binary data, not text: it is not a CSV export.",
        UploadRefusal.WebPage => "is a web page or XML document, not a CSV export.",
        UploadRefusal.NoDelimiter => "has no comma, semicolon, tab or | in its first line, so it has no CSV header.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a content refusal."),
    };
}
