using System.Text.Unicode;
using CsvHelper;

namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// The records of an export file, read the one way every importer and the preview read them: in the file's
/// <see cref="ExportEncoding"/>, with the separator detected (<c>,</c> <c>;</c> tab or <c>|</c>), RFC 4180 quoting and
/// line numbers. Blank rows (empty, white space, only separators) are skipped and counted. A quote that is never closed
/// rejects only its own row: the reader starts again at the next line, so the rest of the file is read normally, and
/// no record may grow past <see cref="MaxRecordBytes"/>, so memory stays bounded whatever the file holds. In a file
/// read as UTF-8, a record with bytes that are not UTF-8 is rejected with those bytes named, never read with U+FFFD.
/// </summary>
internal sealed class ExportReader : IDisposable
{
    /// <summary>The longest record read (a quoted field that runs longer is taken as never closed).</summary>
    public const int MaxRecordBytes = 16 << 20;

    private readonly Stream _file;
    private Stream? _transcoded;
    private CsvReader _csv;
    private long _lineBase;
    private long _offsetBase;
    private long _brokenLine;
    private int _width = -1;
    private List<string> _header = [];

    private ExportReader(Stream file, ExportEncoding encoding)
    {
        _file = file;
        Encoding = encoding;
        _csv = CsvReader.Create(Utf8At(0), Options(separator: null, hasHeader: true), leaveOpen: true);
    }

    /// <summary>The encoding the file is read in.</summary>
    public ExportEncoding Encoding { get; }

    /// <summary>The separator in use (known once the header is read).</summary>
    public char Separator => _csv.Separator;

    /// <summary>Blank rows passed over so far.</summary>
    public long BlankRows { get; private set; }

    /// <summary>When the current record is a row whose quote is never closed: its row error (its fields are not there).</summary>
    public RowError? Broken { get; private set; }

    /// <summary>The 1-based line of the file where the current record starts.</summary>
    public long LineNumber => _lineBase + _csv.LineNumber;

    /// <summary>
    /// The fields of the current record; an empty field after the last named column (a trailing separator, as Excel
    /// writes) is not counted.
    /// </summary>
    public int FieldCount
    {
        get
        {
            var count = _csv.FieldCount;
            return count == _width + 1 && IsBlank(_csv.GetSpan(count - 1)) ? count - 1 : count;
        }
    }

    /// <summary>Opens <paramref name="file"/> (seekable, read from its start) in <paramref name="encoding"/>.</summary>
    public static ExportReader Open(Stream file, ExportEncoding encoding) => new(file, encoding);

    /// <summary>
    /// Opens <paramref name="file"/> (seekable) in the encoding called <paramref name="encodingName"/>, or, without one,
    /// the encoding its first bytes show, once <see cref="ExportContent"/> has found it to be CSV text.
    /// </summary>
    /// <param name="file">The export, read from its start.</param>
    /// <param name="encodingName">An encoding name chosen by the user, or null to detect it.</param>
    /// <param name="fileName">The file's name, for the message when it is not a CSV export.</param>
    /// <exception cref="ImportFileException">No encoding has that name, or the file is not CSV text.</exception>
    public static ExportReader Open(Stream file, string? encodingName, string fileName)
    {
        var buffer = new byte[ExportEncoding.SniffBytes];
        file.Position = 0;
        var head = buffer.AsSpan(0, file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
        var encoding = string.IsNullOrWhiteSpace(encodingName) ? ExportEncoding.Detect(head) : ExportEncoding.Named(encodingName, head);
        if (ExportContent.Problem(head, encoding) is { } problem)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.NotCsv, ExportText.Cut(fileName), problem.ToString()), problem);
        }

        return new ExportReader(file, encoding);
    }

    /// <summary>The field's UTF-8 bytes, unquoted.</summary>
    public ReadOnlySpan<byte> GetSpan(int index) => _csv.GetSpan(index);

    /// <summary>The field as text.</summary>
    public string GetString(int index) => _csv.GetString(index);

    /// <summary>The current record as the file has it, cut to <see cref="ExportText.MaxRawLength"/> characters.</summary>
    public string RawLine() => ExportText.Cut(_csv.RawRecord, ExportText.MaxRawLength);

    /// <summary>
    /// The header (leading blank lines passed over, a trailing empty column name dropped), or an
    /// <see cref="ImportFileException"/> when the file has none.
    /// </summary>
    public IReadOnlyList<string> ReadHeader()
    {
        try
        {
            _csv.ReadHeader();
            while (_csv.Headers.All(string.IsNullOrWhiteSpace) && _csv.Read())
            {
                _csv.ReadHeader();
            }
        }
        catch (CsvFormatException)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.HeaderTooLong, (MaxRecordBytes >> 20).ToString(CultureInfo.InvariantCulture)));
        }

        if (_brokenLine > 0)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.HeaderQuote));
        }

        var header = _csv.Headers.ToList();
        if (header.Count > 1 && string.IsNullOrWhiteSpace(header[^1]))
        {
            header.RemoveAt(header.Count - 1);
        }

        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.NoHeader));
        }

        _width = header.Count;
        _header = header;
        return header;
    }

    /// <summary>Goes back to the first row after the header (after a look for evidence), the counts started again.</summary>
    public void Rewind()
    {
        _csv.Dispose();
        _transcoded?.Dispose();
        _transcoded = null;
        (_lineBase, _offsetBase, _brokenLine, BlankRows, Broken) = (0, 0, 0, 0, null);
        _csv = CsvReader.Create(Utf8At(0), Options(separator: null, hasHeader: true), leaveOpen: true);
        ReadHeader();
    }

    /// <summary>Moves to the next record that is not blank; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            Broken = null;
            _brokenLine = 0;
            bool more;
            try
            {
                more = _csv.Read();
            }
            catch (CsvFormatException ex)
            {
                // Only a record too long to buffer throws (quoting is recovered): a quote that ran on for MaxRecordBytes.
                Break(_offsetBase + ex.ByteOffset, _lineBase + ex.LineNumber);
                return true;
            }

            if (!more)
            {
                return false;
            }

            if (_brokenLine == _csv.LineNumber)
            {
                Break(_offsetBase + _csv.ByteOffset, LineNumber);
                return true;
            }

            if (!IsBlankRecord())
            {
                Broken = Encoding.IsUtf8 && !Utf8.IsValid(_csv.RawRecord) ? NotUtf8() : null;
                return true;
            }

            BlankRows++;
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _transcoded?.Dispose();
    }

    // The first field whose bytes are not UTF-8, named with those bytes: the file was decided (or chosen) as UTF-8,
    // and a character replaced by U+FFFD would be stored as another value, so the row is rejected instead.
    private RowError NotUtf8()
    {
        int column = 0;
        while (column < _csv.FieldCount - 1 && Utf8.IsValid(_csv.GetSpan(column)))
        {
            column++;
        }

        var field = _csv.GetSpan(column);
        var (at, length) = (0, field.Length);
        while (at < field.Length)
        {
            if (Rune.DecodeFromUtf8(field[at..], out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                length = used;
                break;
            }

            at += used;
        }

        var bytes = string.Join(' ', field.Slice(at, Math.Max(length, 1)).ToArray().Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
        var name = column < _header.Count ? _header[column] : null;
        return RowProblems.Rejected(LineNumber, name,
            name is null ? Reasons.ImportReason.Of(Reasons.ImportReasonCode.NotUtf8, bytes) : Reasons.ImportReason.Of(Reasons.ImportReasonCode.NotUtf8InColumn, bytes, ExportText.Cut(name, 40)),
            RawLine());
    }

    private static bool IsBlank(ReadOnlySpan<byte> field) => field.Trim(" \t"u8).IsEmpty;

    private bool IsBlankRecord()
    {
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            if (!IsBlank(_csv.GetSpan(i)))
            {
                return false;
            }
        }

        return true;
    }

    private CsvReaderOptions Options(char? separator, bool hasHeader) => new()
    {
        TrackLineNumbers = true,
        PoolStrings = true,
        SkipEmptyLines = false,
        MaxRecordSize = MaxRecordBytes,
        HasHeader = hasHeader,
        Separator = separator,
        DetectSeparatorHint = hasHeader,
        OnMalformedRecord = record =>
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                _brokenLine = record.LineNumber;
            }
        },
    };

    /// <summary>
    /// Rejects the record that starts at <paramref name="offset"/> (UTF-8 bytes into the decoded file) on
    /// <paramref name="line"/>, and goes on reading at the line after it.
    /// </summary>
    private void Break(long offset, long line)
    {
        var separator = _csv.Separator;
        _csv.Dispose();
        _transcoded?.Dispose();
        _transcoded = null;
        var stream = Utf8At(offset);
        var firstLine = new MemoryStream();
        long skipped = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
            skipped++;
            if (firstLine.Length < ExportText.MaxRawLength * 4)
            {
                firstLine.WriteByte((byte)b);
            }
        }

        var raw = firstLine.ToArray().AsSpan().TrimEnd((byte)'\r');
        Broken = RowProblems.Rejected(line, null, Reasons.ImportReason.Of(Reasons.ImportReasonCode.UnterminatedQuote),
            ExportText.Cut(raw, ExportText.MaxRawLength));
        _offsetBase = offset + skipped + 1;
        _lineBase = line;
        _csv = CsvReader.Create(stream, Options(separator, hasHeader: false), leaveOpen: true);
    }

    /// <summary>The file as UTF-8, positioned <paramref name="offset"/> bytes into that UTF-8 (the byte order mark counted, as CsvHelper counts it).</summary>
    private Stream Utf8At(long offset)
    {
        if (Encoding.IsUtf8)
        {
            _file.Position = offset;
            return _file;
        }

        _file.Position = Encoding.PreambleLength;
        _transcoded = System.Text.Encoding.CreateTranscodingStream(_file, Encoding.Encoding, new UTF8Encoding(false), leaveOpen: true);
        var skip = new byte[1 << 16];
        for (var left = offset; left > 0;)
        {
            var read = _transcoded.Read(skip, 0, (int)Math.Min(skip.Length, left));
            if (read == 0)
            {
                break;
            }

            left -= read;
        }

        return _transcoded;
    }
}
