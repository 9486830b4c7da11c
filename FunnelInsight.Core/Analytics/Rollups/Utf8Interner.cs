using System.IO.Hashing;
using System.Text;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// One string per distinct UTF-8 value (event names, devices, channels, countries: a few dozen values repeated
/// millions of times), found from the bytes without decoding them. Bounded: past <see cref="MaxEntries"/> it starts over.
/// </summary>
internal sealed class Utf8Interner
{
    private const int MaxEntries = 50_000;

    private readonly Dictionary<ulong, Entry> _entries = [];

    /// <summary>The entry of <paramref name="utf8"/>, added when new.</summary>
    public Entry Find(ReadOnlySpan<byte> utf8)
    {
        var hash = XxHash3.HashToUInt64(utf8);
        if (_entries.TryGetValue(hash, out var entry))
        {
            // Two values with one 64-bit hash: the later one is decoded each time, never cached.
            return entry.Bytes.AsSpan().SequenceEqual(utf8) ? entry : new Entry(utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        }

        if (_entries.Count == MaxEntries)
        {
            _entries.Clear();
        }

        entry = new Entry(utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        _entries.Add(hash, entry);
        return entry;
    }

    /// <summary>A value: its bytes, its string, and (for event names) its meaning once looked up.</summary>
    public sealed class Entry(byte[] bytes, string value)
    {
        public byte[] Bytes { get; } = bytes;

        public string Value { get; } = value;

        public EventMeaning? Meaning { get; set; }
    }
}
