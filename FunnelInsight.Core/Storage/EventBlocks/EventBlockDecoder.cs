using System.Buffers.Binary;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Reads the events of one block (see <see cref="EventBlockFormat"/>) in order. Each comes out as an
/// <see cref="EventRow"/> whose text fields are ranges of <see cref="Data"/>, with its identity hash computed again.
/// </summary>
internal sealed class EventBlockDecoder
{
    private readonly List<TextRange>[] _dictionaries = new List<TextRange>[EventBlockFormat.TextFields];
    private byte[] _data = [];
    private int _length;
    private int _position;
    private long _previousId;
    private long _previousLine;
    private long _previousTime;

    public EventBlockDecoder()
    {
        for (var i = 0; i < _dictionaries.Length; i++)
        {
            _dictionaries[i] = [];
        }
    }

    /// <summary>The block being read; text ranges point into it.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _length);

    /// <summary>Starts on the block keyed <paramref name="blockId"/> with bytes <paramref name="data"/> (copied).</summary>
    public void Reset(long blockId, ReadOnlySpan<byte> data)
    {
        if (_data.Length < data.Length)
        {
            _data = new byte[Math.Max(data.Length, _data.Length * 2)];
        }

        data.CopyTo(_data);
        (_length, _position, _previousId, _previousLine, _previousTime) = (data.Length, 0, blockId, 0, 0);
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
        if (_position >= _length)
        {
            id = 0;
            return false;
        }

        id = _previousId + (long)ReadVarInt();
        row.Line = _previousLine + UnZigZag(ReadVarInt());
        row.TimeUs = _previousTime + UnZigZag(ReadVarInt());
        var flags = ReadByte();
        if ((flags & EventBlockFormat.HasPrice) != 0)
        {
            Need(sizeof(double));
            row.Price = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(_position));
            _position += sizeof(double);
        }

        row.Quantity = (flags & EventBlockFormat.HasQuantity) != 0 ? (int)UnZigZag(ReadVarInt()) : null;
        row.PageLoadMs = (flags & EventBlockFormat.HasPageLoad) != 0 ? (int)UnZigZag(ReadVarInt()) : null;
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

        if (code != (ulong)dictionary.Count + 1)
        {
            throw Corrupt();
        }

        var length = ReadVarInt();
        if (length > int.MaxValue)
        {
            throw Corrupt();
        }

        Need((int)length);
        var range = new TextRange(_position, (int)length);
        _position += (int)length;
        dictionary.Add(range);
        return range;
    }

    private byte ReadByte()
    {
        Need(1);
        return _data[_position++];
    }

    private ulong ReadVarInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Corrupt();
    }

    private void Need(int bytes)
    {
        if (bytes > _length - _position)
        {
            throw Corrupt();
        }
    }

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static InvalidDataException Corrupt() => new("An event block is damaged: it ends early or refers to a value it does not hold.");
}
