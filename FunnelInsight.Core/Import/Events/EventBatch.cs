using System.Runtime.InteropServices;

namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// Rows of an import on their way to storage, numbered from <see cref="FirstId"/>, with all their text in one UTF-8
/// buffer: the file's bytes are copied once, then hashed and appended to the event store from there.
/// </summary>
internal sealed class EventBatch(int capacity, long firstId)
{
    private readonly EventRow[] _rows = new EventRow[capacity];
    private byte[] _text = new byte[capacity * 64];

    public long FirstId { get; } = firstId;

    public int Count { get; private set; }

    public bool IsFull => Count == _rows.Length;

    public ref readonly EventRow this[int index] => ref _rows[index];

    /// <summary>Bytes of the text buffer in use: where the next row's text starts.</summary>
    public int TextUsed { get; private set; }

    public ReadOnlySpan<byte> Text(TextRange range) => range.IsNull ? default : _text.AsSpan(range.Offset, range.Length);

    /// <summary>
    /// Adds a row whose text fields the caller has appended (<see cref="Append"/>) since <paramref name="textStart"/>,
    /// with the event's time written first and the five identity fields, each followed by a separator, right after
    /// it: the bytes of its <see cref="EventIdentity"/>, hashed in place into <see cref="EventRow.IdentityHash"/>.
    /// </summary>
    public void Add(EventRow row, int textStart, int identityEnd)
    {
        row.IdentityHash = EventIdentity.Hash(_text.AsSpan(textStart, identityEnd - textStart));
        _rows[Count++] = row;
    }

    /// <summary>Starts a row's text with its time; returns where the row's text starts.</summary>
    public int BeginRow(long timeUs)
    {
        var start = TextUsed;
        MemoryMarshal.Write(Reserve(sizeof(long)), timeUs);
        TextUsed += sizeof(long);
        return start;
    }

    /// <summary>Appends a text field (missing counts as empty for the identity); with <paramref name="separated"/>, a separator after it.</summary>
    public TextRange Append(ReadOnlySpan<byte> text, bool isNull, bool separated)
    {
        text.CopyTo(Reserve(text.Length + 1));
        var range = isNull ? TextRange.Null : new TextRange(TextUsed, text.Length);
        TextUsed += text.Length;
        if (separated)
        {
            _text[TextUsed++] = EventIdentity.Separator;
        }

        return range;
    }

    /// <summary>Appends <paramref name="first"/>, <paramref name="joiner"/> and <paramref name="second"/> as one field, with a separator.</summary>
    public TextRange AppendJoined(ReadOnlySpan<byte> first, byte joiner, ReadOnlySpan<byte> second)
    {
        var span = Reserve(first.Length + 1 + second.Length + 1);
        first.CopyTo(span);
        span[first.Length] = joiner;
        second.CopyTo(span[(first.Length + 1)..]);
        var range = new TextRange(TextUsed, first.Length + 1 + second.Length);
        TextUsed += range.Length;
        _text[TextUsed++] = EventIdentity.Separator;
        return range;
    }

    private Span<byte> Reserve(int size)
    {
        if (TextUsed + size > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, TextUsed + size));
        }

        return _text.AsSpan(TextUsed, size);
    }
}
