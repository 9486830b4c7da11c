using System.Buffers.Binary;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Events.DuckDb.Upgrade;

/// <summary>
/// Reads one event block of the previous layout (a row of table <c>EventBlocks</c>) event by event, for the upgrade
/// only; nothing writes this layout any more. A block holds its events one after another, each
/// <list type="number">
/// <item>its id less the previous event's (the first event's id is the block's key), as a varint;</item>
/// <item>its line and its time (µs) less the previous event's, zigzag varints (the first against 0);</item>
/// <item>flags (price 1, quantity 2, page load 4), then the price as a little-endian double, the quantity and the
/// page-load time as zigzag varints, each only when flagged;</item>
/// <item>eight text fields (session, visitor, event name, product, order, device, channel, country), each a code into
/// the block's dictionary of that field: 0 for none, a known value's number, or the next number followed by the new
/// value's bytes (length-prefixed UTF-8).</item>
/// </list>
/// Each event comes out as an <see cref="EventRow"/> whose text fields are ranges of <see cref="Data"/>, with its
/// identity hash computed again.
/// </summary>
internal sealed class EventBlockReader
{
    private const int TextFields = 8;
    private const ulong HasPrice = 1;
    private const ulong HasQuantity = 2;
    private const ulong HasPageLoad = 4;

    private readonly List<TextRange>[] _dictionaries = [.. Enumerable.Range(0, TextFields).Select(_ => new List<TextRange>())];
    private byte[] _data = [];
    private int _position;
    private long _previousId;
    private long _previousLine;
    private long _previousTime;

    /// <summary>The block being read; text ranges point into it.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>Starts on the block keyed <paramref name="blockId"/> with bytes <paramref name="data"/> (kept, not copied).</summary>
    public void Reset(long blockId, byte[] data)
    {
        (_data, _position) = (data, 0);
        (_previousId, _previousLine, _previousTime) = (blockId, 0, 0);
        foreach (var dictionary in _dictionaries)
        {
            dictionary.Clear();
        }
    }

    /// <summary>Reads the next event; false at the end of the block.</summary>
    /// <exception cref="InvalidDataException">The block is cut short or its codes point nowhere.</exception>
    public bool Next(out long id, out EventRow row)
    {
        row = default;
        if (_position >= _data.Length)
        {
            id = 0;
            return false;
        }

        id = _previousId + (long)ReadVarInt();
        row.Line = _previousLine + ReadSigned();
        row.TimeUs = _previousTime + ReadSigned();
        var flags = ReadVarInt();
        row.Price = (flags & HasPrice) != 0 ? ReadDouble() : null;
        row.Quantity = (flags & HasQuantity) != 0 ? checked((int)ReadSigned()) : null;
        row.PageLoadMs = (flags & HasPageLoad) != 0 ? checked((int)ReadSigned()) : null;
        row.SessionKey = ReadText(0);
        row.VisitorKey = ReadText(1);
        row.EventName = ReadText(2);
        row.ProductId = ReadText(3);
        row.OrderId = ReadText(4);
        row.Device = ReadText(5);
        row.Channel = ReadText(6);
        row.Country = ReadText(7);
        row.IdentityHash = EventIdentity.Hash(row, Data);
        (_previousId, _previousLine, _previousTime) = (id, row.Line, row.TimeUs);
        return true;
    }

    private ulong ReadVarInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            Need(1);
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Damaged();
    }

    private long ReadSigned()
    {
        var value = ReadVarInt();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private double ReadDouble()
    {
        Need(sizeof(double));
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(_position));
        _position += sizeof(double);
        return value;
    }

    private TextRange ReadText(int field)
    {
        var code = ReadVarInt();
        if (code == 0)
        {
            return TextRange.Null;
        }

        var dictionary = _dictionaries[field];
        if (code <= (ulong)dictionary.Count)
        {
            return dictionary[(int)code - 1];
        }

        var length = ReadVarInt();
        if (code != (ulong)dictionary.Count + 1 || length > int.MaxValue)
        {
            throw Damaged();
        }

        Need((int)length);
        var range = new TextRange(_position, (int)length);
        _position += (int)length;
        dictionary.Add(range);
        return range;
    }

    private void Need(int bytes)
    {
        if (bytes > _data.Length - _position)
        {
            throw Damaged();
        }
    }

    private static InvalidDataException Damaged() => new("A stored event block is damaged: it ends early or refers to a value it does not hold.");
}
