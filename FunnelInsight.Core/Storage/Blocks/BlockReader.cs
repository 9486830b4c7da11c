using System.Buffers.Binary;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Storage.Blocks;

/// <summary>Reads back what a <see cref="BlockWriter"/> wrote, value by value, in the same order.</summary>
internal sealed class BlockReader
{
    private readonly List<TextRange>[] _dictionaries;
    private byte[] _data = [];
    private int _length;
    private int _position;

    /// <param name="textFields">Text fields each record has, as the writer had.</param>
    public BlockReader(int textFields)
    {
        _dictionaries = new List<TextRange>[textFields];
        for (var i = 0; i < textFields; i++)
        {
            _dictionaries[i] = [];
        }
    }

    /// <summary>The block being read; text ranges point into it.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _length);

    /// <summary>True once every byte has been read.</summary>
    public bool AtEnd => _position >= _length;

    /// <summary>Starts on <paramref name="data"/> (copied), with empty dictionaries.</summary>
    public void Reset(ReadOnlySpan<byte> data)
    {
        if (_data.Length < data.Length)
        {
            _data = new byte[Math.Max(data.Length, _data.Length * 2)];
        }

        data.CopyTo(_data);
        (_length, _position) = (data.Length, 0);
        foreach (var dictionary in _dictionaries)
        {
            dictionary.Clear();
        }
    }

    /// <exception cref="InvalidDataException">The block ends in the middle of the value.</exception>
    public ulong ReadVarInt()
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

        throw Corrupt();
    }

    public long ReadSigned()
    {
        var value = ReadVarInt();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public int ReadInt32() => checked((int)ReadSigned());

    public double ReadDouble()
    {
        Need(sizeof(double));
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(_position));
        _position += sizeof(double);
        return value;
    }

    /// <summary>Length-prefixed bytes, as a range of <see cref="Data"/>.</summary>
    public TextRange ReadBytes()
    {
        var length = ReadVarInt();
        if (length > int.MaxValue)
        {
            throw Corrupt();
        }

        Need((int)length);
        var range = new TextRange(_position, (int)length);
        _position += (int)length;
        return range;
    }

    /// <summary>Text field <paramref name="field"/>, as a range of <see cref="Data"/>; <see cref="TextRange.Null"/> when missing.</summary>
    /// <exception cref="InvalidDataException">The code points past the field's values.</exception>
    public TextRange ReadText(int field)
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

        var range = ReadBytes();
        dictionary.Add(range);
        return range;
    }

    private void Need(int bytes)
    {
        if (bytes > _length - _position)
        {
            throw Corrupt();
        }
    }

    private static InvalidDataException Corrupt() => new("A stored block is damaged: it ends early or refers to a value it does not hold.");
}
