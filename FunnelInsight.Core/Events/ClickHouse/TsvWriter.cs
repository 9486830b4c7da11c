using System.Buffers;
using System.Buffers.Text;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// Writes rows in ClickHouse's TabSeparated format: fields split by tabs, rows ended by a newline, <c>\N</c> for NULL,
/// and backslash, tab, newline, carriage return and NUL escaped in text, which is otherwise written as its UTF-8 bytes.
/// </summary>
internal sealed class TsvWriter(Stream stream)
{
    private readonly Stream _out = stream;
    private bool _first = true;

    /// <summary>Rows ended so far.</summary>
    public long Rows { get; private set; }

    /// <summary>A text field (UTF-8 bytes as they are, escaped), or NULL.</summary>
    public TsvWriter Text(ReadOnlySpan<byte> utf8, bool isNull = false)
    {
        Separate();
        if (isNull)
        {
            _out.Write("\\N"u8);
            return this;
        }

        var start = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var escape = utf8[i] switch
            {
                (byte)'\\' => (byte)'\\',
                (byte)'\t' => (byte)'t',
                (byte)'\n' => (byte)'n',
                (byte)'\r' => (byte)'r',
                0 => (byte)'0',
                _ => (byte)0,
            };
            if (escape != 0)
            {
                _out.Write(utf8[start..i]);
                _out.WriteByte((byte)'\\');
                _out.WriteByte(escape);
                start = i + 1;
            }
        }

        _out.Write(utf8[start..]);
        return this;
    }

    /// <summary>A text field, or NULL.</summary>
    public TsvWriter Text(string? text) => text is null ? Text([], isNull: true) : Text(Encoding.UTF8.GetBytes(text));

    /// <summary>A whole number.</summary>
    public TsvWriter Number(long value)
    {
        Separate();
        Span<byte> digits = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, digits, out var written);
        _out.Write(digits[..written]);
        return this;
    }

    /// <summary>A whole number, or NULL.</summary>
    public TsvWriter Number(long? value) => value is { } v ? Number(v) : Text([], isNull: true);

    /// <summary>A real number (round-trip precision), or NULL.</summary>
    public TsvWriter Real(double? value)
    {
        if (value is not { } v)
        {
            return Text([], isNull: true);
        }

        Separate();
        _out.Write(Encoding.ASCII.GetBytes(v.ToString("R", CultureInfo.InvariantCulture)));
        return this;
    }

    /// <summary>Ends the row.</summary>
    public void EndRow()
    {
        _out.WriteByte((byte)'\n');
        _first = true;
        Rows++;
    }

    /// <summary>Flushes the stream.</summary>
    public void Flush() => _out.Flush();

    private void Separate()
    {
        if (!_first)
        {
            _out.WriteByte((byte)'\t');
        }

        _first = false;
    }
}
