namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// Looks at the start of a file, as text in its encoding, and says why it is not a CSV export, if it is not: the one
/// check that the upload page, the upload API and the command line share, so a file gets one verdict however it arrives.
/// </summary>
public static class ExportContent
{
    private static readonly (byte[] Magic, ContentProblem What)[] Signatures =
    [
        ("PK\u0003\u0004"u8.ToArray(), ContentProblem.ZipArchive),
        ([0xD0, 0xCF, 0x11, 0xE0], ContentProblem.OfficeDocument),
        ([0x1F, 0x8B], ContentProblem.Gzip),
        ("%PDF"u8.ToArray(), ContentProblem.Pdf),
        ("MZ"u8.ToArray(), ContentProblem.Program),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], ContentProblem.Program),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], ContentProblem.Image),
        ([0xFF, 0xD8, 0xFF], ContentProblem.Image),
    ];

    /// <summary>
    /// Null when <paramref name="head"/> (the first <see cref="ExportEncoding.SniffBytes"/> of the file, or all of a
    /// shorter one) looks like the start of a CSV export; otherwise why it does not.
    /// </summary>
    /// <param name="head">The first bytes of the file.</param>
    /// <param name="encoding">The file's encoding; detected from <paramref name="head"/> when null.</param>
    public static ContentProblem? Problem(ReadOnlySpan<byte> head, ExportEncoding? encoding = null)
    {
        if (head.IsEmpty)
        {
            return ContentProblem.Empty;
        }

        foreach (var (magic, what) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return what;
            }
        }

        // A byte order mark says what the file is: read in another encoding chosen by the user, it would look like
        // binary data (UTF-16 read as UTF-8) or begin with stray characters (UTF-8 read as Windows-1252).
        if (encoding is { Detected: false } chosen && Marked(head) is { } marked && marked.Encoding.CodePage != chosen.Encoding.CodePage)
        {
            return marked.IsUtf8 ? ContentProblem.Utf8Marked : ContentProblem.Utf16Marked;
        }

        // Text is judged as characters: a UTF-16 export has a NUL byte in every other place, but no NUL character.
        var text = (encoding ?? ExportEncoding.Detect(head)).Decode(head).AsSpan();
        foreach (var c in text)
        {
            // NUL and other control characters do not occur in text exports (tab, CR, LF and form feed do).
            if (c < 0x20 && c is not ('\t' or '\r' or '\n' or '\f'))
            {
                return ContentProblem.Binary;
            }
        }

        var trimmed = text.TrimStart(" \t\r\n");
        if (trimmed.IsEmpty)
        {
            return ContentProblem.Empty;
        }

        if (trimmed.StartsWith("<"))
        {
            return ContentProblem.WebPage;
        }

        var lineEnd = trimmed.IndexOfAny('\n', '\r');
        var header = lineEnd >= 0 ? trimmed[..lineEnd] : trimmed;
        return header.IndexOfAny(",;\t|") < 0 ? ContentProblem.NoDelimiter : null;
    }

    // The encoding a byte order mark at the start of the file names, or null without one.
    private static ExportEncoding? Marked(ReadOnlySpan<byte> head) =>
        head.StartsWith("\uFEFF"u8) || head.StartsWith([(byte)0xFF, (byte)0xFE]) || head.StartsWith([(byte)0xFE, (byte)0xFF])
            ? ExportEncoding.Detect(head)
            : null;

    private const string Utf16MarkedSentence =
        "is UTF-16 text (it starts with a UTF-16 byte order mark), not in the encoding chosen. Import it without an encoding (drop --encoding), or with utf-16.";

    private const string Utf8MarkedSentence =
        "is UTF-8 text (it starts with a UTF-8 byte order mark), not in the encoding chosen. Import it without an encoding (drop --encoding), or with utf-8.";

    /// <summary>The English rest of a sentence that begins with the file's name.</summary>
    public static string Sentence(ContentProblem problem) => problem switch
    {
        ContentProblem.Empty => "is empty.",
        ContentProblem.ZipArchive => "is a ZIP archive or an Excel workbook, not a CSV export. Save it as CSV (comma separated) and upload that.",
        ContentProblem.OfficeDocument => "is an Excel (.xls) or other Office document, not a CSV export. Save it as CSV and upload that.",
        ContentProblem.Gzip => "is compressed (gzip). Decompress it and upload the CSV inside.",
        ContentProblem.Pdf => "is a PDF document, not a CSV export.",
        ContentProblem.Program => "is a program, not a CSV export.",
        ContentProblem.Image => "is an image, not a CSV export.",
        ContentProblem.Binary => "contains binary data, not text: it is not a CSV export.",
        ContentProblem.WebPage => "is a web page or XML document, not a CSV export.",
        ContentProblem.NoDelimiter => "has no comma, semicolon, tab or | in its first line, so it has no CSV header.",
        ContentProblem.Utf16Marked => Utf16MarkedSentence,
        ContentProblem.Utf8Marked => Utf8MarkedSentence,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "Not a content problem."),
    };
}
