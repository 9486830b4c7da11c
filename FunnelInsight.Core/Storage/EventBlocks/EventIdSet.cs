using System.Numerics;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// A set of event ids of one store, a bit each from the start of the store's range: an import that repeats ten
/// million stored events marks them in little more than a megabyte.
/// </summary>
internal sealed class EventIdSet(int storeId)
{
    private readonly long _first = StoreRowIds.First(storeId);
    private ulong[] _bits = new ulong[64];

    /// <summary>The set stored as <see cref="ToBytes"/> wrote it.</summary>
    public static EventIdSet FromBytes(int storeId, byte[] data)
    {
        var set = new EventIdSet(storeId) { _bits = new ulong[Math.Max(1, data.Length / sizeof(ulong))] };
        Buffer.BlockCopy(data, 0, set._bits, 0, data.Length / sizeof(ulong) * sizeof(ulong));
        set.Count = set._bits.Sum(w => (long)BitOperations.PopCount(w));
        return set;
    }

    /// <summary>The set as bytes (its bit words, little-endian as the machine keeps them), up to its highest id.</summary>
    public byte[] ToBytes()
    {
        var used = _bits.Length;
        while (used > 0 && _bits[used - 1] == 0)
        {
            used--;
        }

        var data = new byte[used * sizeof(ulong)];
        Buffer.BlockCopy(_bits, 0, data, 0, data.Length);
        return data;
    }

    /// <summary>Adds every id of <paramref name="other"/> (of the same store).</summary>
    public void UnionWith(EventIdSet other)
    {
        if (other._bits.Length > _bits.Length)
        {
            Array.Resize(ref _bits, other._bits.Length);
        }

        for (var i = 0; i < other._bits.Length; i++)
        {
            _bits[i] |= other._bits[i];
        }

        Count = _bits.Sum(w => (long)BitOperations.PopCount(w));
    }

    /// <summary>Ids in the set.</summary>
    public long Count { get; private set; }

    public void Add(long id)
    {
        var n = Offset(id);
        var word = (int)(n >> 6);
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(_bits.Length * 2, word + 1));
        }

        var bit = 1UL << (int)(n & 63);
        if ((_bits[word] & bit) == 0)
        {
            _bits[word] |= bit;
            Count++;
        }
    }

    public bool Contains(long id)
    {
        var n = Offset(id);
        var word = n >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << (int)(n & 63))) != 0;
    }

    /// <summary>How many ids of the set lie in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public long CountBetween(long from, long to)
    {
        long count = 0;
        var (start, end) = (Offset(from), Math.Min(Offset(to), ((long)_bits.Length << 6) - 1));
        for (var n = start; n <= end;)
        {
            var word = _bits[n >> 6] >> (int)(n & 63);
            var span = Math.Min(64 - (n & 63), end - n + 1);
            count += BitOperations.PopCount(span == 64 ? word : word & ((1UL << (int)span) - 1));
            n += span;
        }

        return count;
    }

    private long Offset(long id) =>
        id >= _first && id - _first < StoreRowIds.PerStore ? id - _first : throw new ArgumentOutOfRangeException(nameof(id), "The id is not of this set's store.");
}
