using System.Text.Unicode;

namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// The text encoding of an export, decided once for the whole file: from its byte order mark, from the start of the
/// file (UTF-16 without a mark, UTF-8, or a Windows code page when the bytes are not UTF-8), or as the user chose it.
/// </summary>
/// <param name="Encoding">How the file's bytes become text.</param>
/// <param name="PreambleLength">Bytes of byte order mark at the start of the file, skipped before decoding.</param>
/// <param name="Detected">True when FunnelInsight decided it; false when the user named it.</param>
public sealed record ExportEncoding(Encoding Encoding, int PreambleLength, bool Detected)
{
    /// <summary>How much of the start of a file the detection looks at.</summary>
    public const int SniffBytes = 1 << 20;

    /// <summary>
    /// The encodings the upload preview offers, by the names <see cref="Named"/> takes: what exports are commonly written
    /// in (UTF-8 and UTF-16, and the Arabic and Western code pages of Windows and ISO).
    /// </summary>
    public static IReadOnlyList<string> Offered { get; } = ["utf-8", "utf-16", "utf-16BE", "windows-1256", "iso-8859-6", "windows-1252", "iso-8859-1"];

    static ExportEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding's web name (<c>utf-8</c>, <c>utf-16</c>, <c>windows-1256</c>), as shown and as <c>--encoding</c> takes it.</summary>
    public string Name => Encoding.WebName;

    /// <summary>True when the file's bytes are UTF-8 already and need no transcoding.</summary>
    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;

    /// <summary>The encoding called <paramref name="name"/> (any .NET name: <c>utf-8</c>, <c>utf-16le</c>, <c>windows-1256</c>, <c>iso-8859-1</c>…).</summary>
    /// <exception cref="ImportFileException">No encoding has that name.</exception>
    public static ExportEncoding Named(string name, ReadOnlySpan<byte> head)
    {
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.UnknownEncoding, ExportText.Cut(name, 60)));
        }

        var preamble = encoding.Preamble;
        return new ExportEncoding(encoding, preamble.Length > 0 && head.StartsWith(preamble) ? preamble.Length : 0, Detected: false);
    }

    /// <summary>Decides the encoding from the first bytes of a file (<see cref="SniffBytes"/> are enough).</summary>
    public static ExportEncoding Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            return new ExportEncoding(new UTF8Encoding(false), 3, true);
        }

        if (head.StartsWith([(byte)0xFF, (byte)0xFE]))
        {
            return new ExportEncoding(Encoding.Unicode, 2, true);
        }

        if (head.StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            return new ExportEncoding(Encoding.BigEndianUnicode, 2, true);
        }

        if (Utf16WithoutMark(head) is { } utf16)
        {
            return new ExportEncoding(utf16, 0, true);
        }

        return new ExportEncoding(IsUtf8Text(head) ? new UTF8Encoding(false) : CodePageFor(head), 0, true);
    }

    /// <summary>The start of a file as text in this encoding, for checks that look at characters, not bytes.</summary>
    public string Decode(ReadOnlySpan<byte> head)
    {
        var body = head[Math.Min(PreambleLength, head.Length)..];
        return Encoding.GetString(body);
    }

    // ASCII text in UTF-16 has a NUL in every other byte: at odd offsets little-endian, at even ones big-endian.
    private static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> head)
    {
        var length = Math.Min(head.Length, 4096) & ~1;
        if (length < 8)
        {
            return null;
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < length; i += 2)
        {
            evenNuls += head[i] == 0 ? 1 : 0;
            oddNuls += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = length / 2;
        return oddNuls > pairs * 0.6 && evenNuls < pairs * 0.1 ? Encoding.Unicode
            : evenNuls > pairs * 0.6 && oddNuls < pairs * 0.1 ? Encoding.BigEndianUnicode
            : null;
    }

    /// <summary>
    /// UTF-8 unless the bytes above 0x7F are mostly not UTF-8 sequences: a file in a code page has hardly any (its
    /// accented or Arabic letters are single bytes), while a UTF-8 export with a few stray bytes is still UTF-8, and
    /// those bytes are reported where they are.
    /// </summary>
    private static bool IsUtf8Text(ReadOnlySpan<byte> head)
    {
        if (Utf8.IsValid(head))
        {
            return true;
        }

        int sequences = 0, invalid = 0;
        for (var rest = head; !rest.IsEmpty;)
        {
            var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sequences += consumed > 1 ? 1 : 0;
            }
            else if (status == System.Buffers.OperationStatus.InvalidData)
            {
                invalid++;
            }

            rest = rest[Math.Max(consumed, 1)..];
        }

        return sequences >= invalid;
    }

    /// <summary>
    /// Arabic words in Windows-1256 are runs of bytes above 0x7F (every letter is one), while the accented letters of
    /// Windows-1252 stand one at a time inside ASCII words (<c>café</c>): the share of high bytes that have a high
    /// neighbour tells them apart. A user who knows better names the encoding.
    /// </summary>
    private static Encoding CodePageFor(ReadOnlySpan<byte> head)
    {
        int high = 0, inRuns = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] < 0x80)
            {
                continue;
            }

            high++;
            if ((i > 0 && head[i - 1] >= 0x80) || (i + 1 < head.Length && head[i + 1] >= 0x80))
            {
                inRuns++;
            }
        }

        return Encoding.GetEncoding(inRuns > high / 2 ? 1256 : 1252);
    }
}
