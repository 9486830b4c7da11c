using System.Buffers.Binary;
using System.IO.Hashing;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Storage.Blocks;

/// <summary>
/// Builds the bytes of one stored block (of events or of sessions): varints, zigzag varints, doubles, and text fields
/// that go through a dictionary per field, so that a value already in the block costs a code of a byte or two.
/// <see cref="BlockReader"/> reads them back in the same order.
/// </summary>
/// <remarks>
/// A text field is a varint code: 0 for a missing value, <c>k</c> for the field's k-th value of the block, or the
/// field's next code followed by the new value's length (varint) and UTF-8 bytes.
/// </remarks>
internal sealed class BlockWriter
{
    private readonly TextDictionary[] _dictionaries;
    private byte[] _data = new byte[1 << 16];
    private int _used;

    /// <param name="textFields">Text fields each record has (one dictionary each).</param>
    public BlockWriter(int textFields)
    {
        _dictionaries = new TextDictionary[textFields];
        for (var i = 0; i < textFields; i++)
        {
            _dictionaries[i] = new TextDictionary();
        }
    }

    /// <summary>The block so far.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _used);

    public void WriteVarInt(ulong value)
    {
        Reserve(10);
        while (value >= 0x80)
        {
            _data[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _data[_used++] = (byte)value;
    }

    /// <summary>A signed value as a zigzag varint (small negative values stay short).</summary>
    public void WriteSigned(long value) => WriteVarInt((ulong)((value << 1) ^ (value >> 63)));

    public void WriteDouble(double value)
    {
        Reserve(sizeof(double));
        BinaryPrimitives.WriteDoubleLittleEndian(_data.AsSpan(_used), value);
        _used += sizeof(double);
    }

    /// <summary>Length-prefixed bytes, outside any dictionary.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarInt((ulong)bytes.Length);
        Reserve(bytes.Length);
        bytes.CopyTo(_data.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Text field <paramref name="field"/>: <paramref name="range"/> of <paramref name="text"/>, or missing.</summary>
    public void WriteText(int field, TextRange range, ReadOnlySpan<byte> text)
    {
        if (range.IsNull)
        {
            WriteVarInt(0);
            return;
        }

        WriteText(field, text.Slice(range.Offset, range.Length));
    }

    /// <summary>Text field <paramref name="field"/> with a value (empty is a value, not a missing one).</summary>
    public void WriteText(int field, ReadOnlySpan<byte> value)
    {
        var dictionary = _dictionaries[field];
        if (dictionary.Find(value, _data, out var hash) is var code and >= 0)
        {
            WriteVarInt((ulong)code + 1);
            return;
        }

        WriteVarInt((ulong)dictionary.Count + 1);
        WriteVarInt((ulong)value.Length);
        Reserve(value.Length);
        dictionary.Add(hash, _used, value.Length);
        value.CopyTo(_data.AsSpan(_used));
        _used += value.Length;
    }

    /// <summary>Empties the block and its dictionaries.</summary>
    public void Clear()
    {
        _used = 0;
        foreach (var dictionary in _dictionaries)
        {
            dictionary.Clear();
        }
    }

    private void Reserve(int size)
    {
        if (_used + size > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + size));
        }
    }

    /// <summary>The values of one text field in the block, found by hash and checked byte for byte.</summary>
    private sealed class TextDictionary
    {
        private int[] _slots = new int[1024]; // entry index + 1; 0 is free
        private ulong[] _hashes = new ulong[512];
        private int[] _offsets = new int[512];
        private int[] _lengths = new int[512];

        public int Count { get; private set; }

        public int Find(ReadOnlySpan<byte> value, byte[] data, out ulong hash)
        {
            hash = XxHash3.HashToUInt64(value);
            var mask = _slots.Length - 1;
            for (var slot = (int)hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
            {
                var entry = _slots[slot] - 1;
                if (_hashes[entry] == hash && data.AsSpan(_offsets[entry], _lengths[entry]).SequenceEqual(value))
                {
                    return entry;
                }
            }

            return -1;
        }

        public void Add(ulong hash, int offset, int length)
        {
            if (Count == _hashes.Length)
            {
                Array.Resize(ref _hashes, Count * 2);
                Array.Resize(ref _offsets, Count * 2);
                Array.Resize(ref _lengths, Count * 2);
            }

            (_hashes[Count], _offsets[Count], _lengths[Count]) = (hash, offset, length);
            Count++;
            if (Count * 2 > _slots.Length)
            {
                _slots = new int[_slots.Length * 2];
                for (var entry = 0; entry < Count; entry++)
                {
                    Place(entry);
                }
            }
            else
            {
                Place(Count - 1);
            }
        }

        public void Clear()
        {
            Array.Clear(_slots);
            Count = 0;
        }

        private void Place(int entry)
        {
            var mask = _slots.Length - 1;
            var slot = (int)_hashes[entry] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = entry + 1;
        }
    }
}
