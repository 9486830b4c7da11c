using System.Buffers.Binary;
using System.IO.Hashing;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Packs events, in id order, into one block (see <see cref="EventBlockFormat"/>): ids, lines and times as deltas,
/// each text field through a dictionary of the values already in the block, so a session key or an event name that
/// comes again costs a byte or two instead of its text.
/// </summary>
internal sealed class EventBlockEncoder
{
    private readonly TextDictionary[] _dictionaries = new TextDictionary[EventBlockFormat.TextFields];
    private byte[] _data = new byte[1 << 16];
    private int _used;
    private long _previousId;
    private long _previousLine;
    private long _previousTime;
    private bool _keyed;

    public EventBlockEncoder()
    {
        for (var i = 0; i < _dictionaries.Length; i++)
        {
            _dictionaries[i] = new TextDictionary();
        }
    }

    /// <summary>Events in the block so far.</summary>
    public int Count { get; private set; }

    /// <summary>The block's key: the id of its first event, or the key it was started with (<see cref="StartAt"/>).</summary>
    public long FirstId { get; private set; }

    /// <summary>The id of the block's last event.</summary>
    public long LastId => _previousId;

    /// <summary>The encoded block.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _used);

    /// <summary>Appends an event whose id is higher than the last one's; its text fields are ranges of <paramref name="text"/>.</summary>
    public void Add(long id, in EventRow row, ReadOnlySpan<byte> text)
    {
        if (Count == 0 && !_keyed)
        {
            (FirstId, _previousId, _keyed) = (id, id, true);
        }
        else if (id < _previousId || (Count > 0 && id == _previousId))
        {
            throw new ArgumentOutOfRangeException(nameof(id), "Events go into a block in id order, from its key on.");
        }

        Reserve(EventBlockFormat.MaxFixedSize);
        WriteVarInt((ulong)(id - _previousId));
        WriteVarInt(ZigZag(row.Line - _previousLine));
        WriteVarInt(ZigZag(row.TimeUs - _previousTime));
        var flags = (byte)((row.Price is null ? 0 : EventBlockFormat.HasPrice)
            | (row.Quantity is null ? 0 : EventBlockFormat.HasQuantity)
            | (row.PageLoadMs is null ? 0 : EventBlockFormat.HasPageLoad));
        _data[_used++] = flags;
        if (row.Price is { } price)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(_data.AsSpan(_used), price);
            _used += sizeof(double);
        }

        if (row.Quantity is { } quantity)
        {
            WriteVarInt(ZigZag(quantity));
        }

        if (row.PageLoadMs is { } pageLoad)
        {
            WriteVarInt(ZigZag(pageLoad));
        }

        WriteText(0, row.SessionKey, text);
        WriteText(1, row.VisitorKey, text);
        WriteText(2, row.EventName, text);
        WriteText(3, row.ProductId, text);
        WriteText(4, row.OrderId, text);
        WriteText(5, row.Device, text);
        WriteText(6, row.Channel, text);
        WriteText(7, row.Country, text);
        (_previousId, _previousLine, _previousTime) = (id, row.Line, row.TimeUs);
        Count++;
    }

    /// <summary>
    /// Starts an empty block under <paramref name="key"/> rather than its first event's id: a block rewritten without
    /// some of its events keeps its key.
    /// </summary>
    public void StartAt(long key)
    {
        Clear();
        (FirstId, _previousId, _keyed) = (key, key, true);
    }

    /// <summary>Empties the encoder for the next block.</summary>
    public void Clear()
    {
        (_used, Count, FirstId, _previousId, _previousLine, _previousTime, _keyed) = (0, 0, 0, 0, 0, 0, false);
        foreach (var dictionary in _dictionaries)
        {
            dictionary.Clear();
        }
    }

    // A missing value is code 0, a value already in the field's dictionary its position + 1, and a new value the next
    // code followed by its length and bytes (the decoder adds it to its own dictionary at the same position).
    private void WriteText(int field, TextRange range, ReadOnlySpan<byte> text)
    {
        if (range.IsNull)
        {
            WriteVarInt(0);
            return;
        }

        var value = text.Slice(range.Offset, range.Length);
        var dictionary = _dictionaries[field];
        if (dictionary.Find(value, _data, out var hash) is var code and >= 0)
        {
            WriteVarInt((ulong)code + 1);
            return;
        }

        WriteVarInt((ulong)dictionary.Count + 1);
        Reserve(5 + value.Length + EventBlockFormat.MaxFixedSize);
        WriteVarInt((ulong)value.Length);
        dictionary.Add(hash, _used, value.Length);
        value.CopyTo(_data.AsSpan(_used));
        _used += value.Length;
    }

    private void Reserve(int size)
    {
        if (_used + size > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + size));
        }
    }

    private void WriteVarInt(ulong value)
    {
        while (value >= 0x80)
        {
            _data[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _data[_used++] = (byte)value;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>The values of one text field seen in the block, found by hash and checked byte for byte.</summary>
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
                Rehash(_slots.Length * 2);
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

        private void Rehash(int size)
        {
            _slots = new int[size];
            for (var entry = 0; entry < Count; entry++)
            {
                Place(entry);
            }
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
