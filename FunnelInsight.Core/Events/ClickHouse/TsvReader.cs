using System.Buffers.Text;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>Reads ClickHouse's TabSeparated output a row at a time, unescaping each field into bytes.</summary>
internal sealed class TsvReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly TsvRow _row = new();
    private int _position;
    private int _length;

    /// <summary>The next row (the same object, refilled), or null at the end.</summary>
    public TsvRow? Next()
    {
        _row.Clear();
        var any = false;
        var escaped = false;
        var fieldStart = 0;
        var fieldEscaped = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = stream.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    if (!any)
                    {
                        return null;
                    }

                    _row.EndField(fieldStart, fieldEscaped);
                    return _row;
                }
            }

            var b = _buffer[_position++];
            any = true;
            if (escaped)
            {
                _row.Append(b switch
                {
                    (byte)'t' => (byte)'\t',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'0' => 0,
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'N' => MarkNull(),
                    _ => b,
                });
                escaped = false;
                fieldEscaped = true;
            }
            else if (b == '\\')
            {
                escaped = true;
            }
            else if (b == '\t')
            {
                _row.EndField(fieldStart, fieldEscaped);
                fieldStart = _row.Used;
                fieldEscaped = false;
            }
            else if (b == '\n')
            {
                _row.EndField(fieldStart, fieldEscaped);
                return _row;
            }
            else
            {
                _row.Append(b);
            }
        }
    }

    private byte MarkNull()
    {
        _row.MarkNull();
        return (byte)'N';
    }
}

/// <summary>One row of TabSeparated output, its fields as unescaped bytes.</summary>
internal sealed class TsvRow : ISessionRow
{
    private readonly List<(int Start, int Length, bool Null)> _fields = [];
    private byte[] _bytes = new byte[256];
    private bool _null;

    /// <summary>Bytes used by the row so far.</summary>
    internal int Used { get; private set; }

    /// <summary>How many fields the row has.</summary>
    public int Count => _fields.Count;

    /// <summary>Whether field <paramref name="i"/> is NULL.</summary>
    public bool IsNull(int i) => _fields[i].Null;

    /// <summary>Field <paramref name="i"/>'s bytes.</summary>
    public ReadOnlySpan<byte> Span(int i) => _bytes.AsSpan(_fields[i].Start, _fields[i].Length);

    /// <summary>Field <paramref name="i"/> as text (UTF-8).</summary>
    public string String(int i) => Encoding.UTF8.GetString(Span(i));

    /// <summary>Field <paramref name="i"/> as text, or null.</summary>
    public string? NullableString(int i) => IsNull(i) ? null : String(i);

    /// <summary>Field <paramref name="i"/>'s bytes, copied.</summary>
    public byte[] Bytes(int i) => Span(i).ToArray();

    /// <summary>Field <paramref name="i"/> as a whole number.</summary>
    public long Int64(int i) => Utf8Parser.TryParse(Span(i), out long value, out var used) && used == _fields[i].Length
        ? value
        : throw new FormatException($"ClickHouse returned '{String(i)}' where a whole number was expected.");

    /// <summary>Field <paramref name="i"/> as a whole number, or null.</summary>
    public long? NullableInt64(int i) => IsNull(i) ? null : Int64(i);

    /// <summary>Field <paramref name="i"/> as a 32-bit number.</summary>
    public int Int32(int i) => checked((int)Int64(i));

    /// <summary>Field <paramref name="i"/> as a 32-bit number, or null.</summary>
    public int? NullableInt32(int i) => IsNull(i) ? null : Int32(i);

    /// <summary>Field <paramref name="i"/> as a real number.</summary>
    public double Double(int i) => double.Parse(String(i), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Field <paramref name="i"/> as a real number, or null.</summary>
    public double? NullableDouble(int i) => IsNull(i) ? null : Double(i);

    /// <summary>Field <paramref name="i"/> (0 or 1) as a truth value.</summary>
    public bool Bool(int i) => Int64(i) != 0;

    internal void Clear()
    {
        _fields.Clear();
        Used = 0;
        _null = false;
    }

    internal void Append(byte b)
    {
        if (Used == _bytes.Length)
        {
            Array.Resize(ref _bytes, _bytes.Length * 2);
        }

        _bytes[Used++] = b;
    }

    internal void MarkNull() => _null = true;

    internal void EndField(int start, bool escaped)
    {
        // \N alone is NULL; a field that merely contains an escaped N is text.
        var isNull = _null && escaped && Used - start == 1 && _bytes[start] == (byte)'N';
        _fields.Add((start, Used - start, isNull));
        _null = false;
    }
}
