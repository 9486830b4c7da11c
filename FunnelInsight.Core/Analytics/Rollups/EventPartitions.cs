using System.Buffers.Binary;
using System.IO.Hashing;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Spreads events over partitions by the hash of their session (or, without a session id, their visitor), so that each
/// partition holds whole sessions and can be sorted and rolled up on its own in memory. Partitions grow in 64 KiB
/// buffers and spill to files in a private temporary folder, so memory stays bounded however large the import.
/// </summary>
internal sealed class EventPartitions : IDisposable
{
    /// <summary>Bytes of the fixed part of a record: group, id, time, identity, price, quantity, page load, flags.</summary>
    internal const int FixedSize = (5 * sizeof(long)) + (2 * sizeof(int)) + 1;

    private const int BufferSize = 1 << 16;
    private const int MaxPartitions = 256;

    private readonly string _folder;
    private readonly Partition[] _partitions;
    private readonly StageTracker? _stages;
    private OwnerLock? _owner;

    /// <param name="folder">Where spill files go; created when needed and deleted on dispose.</param>
    /// <param name="expectedEvents">About how many events will be added, which sets the number of partitions.</param>
    /// <param name="eventsPerPartition">How many events one partition should hold at most (memory per partition).</param>
    /// <param name="stages">Told every event's name, to find the stages the events track; none when not needed.</param>
    public EventPartitions(string folder, long expectedEvents, int eventsPerPartition = 200_000, StageTracker? stages = null)
    {
        _folder = folder;
        _stages = stages;
        var count = (int)Math.Clamp((expectedEvents + eventsPerPartition - 1) / eventsPerPartition, 1, MaxPartitions);
        _partitions = new Partition[count];
        for (var i = 0; i < count; i++)
        {
            _partitions[i] = new Partition(this, i);
        }
    }

    /// <summary>The number of partitions.</summary>
    public int PartitionCount => _partitions.Length;

    /// <summary>Adds event <paramref name="id"/>, whose text fields are ranges of <paramref name="text"/>, to the partition of its group.</summary>
    public void Add(long id, in EventRow row, ReadOnlySpan<byte> text) => Add(new PartitionedEvent
    {
        Id = id,
        TimeUs = row.TimeUs,
        IdentityHash = row.IdentityHash,
        Price = row.Price,
        Quantity = row.Quantity,
        PageLoadMs = row.PageLoadMs,
        HasSession = !row.SessionKey.IsNull,
        SessionKey = Slice(text, row.SessionKey),
        VisitorKey = Slice(text, row.VisitorKey),
        EventName = Slice(text, row.EventName),
        HasDevice = !row.Device.IsNull,
        Device = Slice(text, row.Device),
        HasChannel = !row.Channel.IsNull,
        Channel = Slice(text, row.Channel),
        HasCountry = !row.Country.IsNull,
        Country = Slice(text, row.Country),
    });

    /// <summary>Adds one event to the partition of its group.</summary>
    public void Add(in PartitionedEvent e)
    {
        _stages?.Observe(e.EventName);
        var key = e.HasSession ? e.SessionKey : e.VisitorKey;
        var group = GroupHash(key, e.HasSession);
        var size = FixedSize + Text(e.SessionKey, e.HasSession) + Text(e.VisitorKey, true) + Text(e.EventName, true)
            + Text(e.Device, e.HasDevice) + Text(e.Channel, e.HasChannel) + Text(e.Country, e.HasCountry);
        var span = _partitions[(int)(group % (ulong)_partitions.Length)].Reserve(size);
        BinaryPrimitives.WriteUInt64LittleEndian(span, group);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], e.Id);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], e.TimeUs);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], e.IdentityHash);
        BinaryPrimitives.WriteDoubleLittleEndian(span[32..], e.Price ?? double.NaN);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], e.Quantity ?? int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(span[44..], e.PageLoadMs ?? int.MinValue);
        span[48] = (byte)((e.HasSession ? 1 : 0) | (e.HasDevice ? 2 : 0) | (e.HasChannel ? 4 : 0) | (e.HasCountry ? 8 : 0));
        var offset = FixedSize;
        offset = WriteText(span, offset, e.SessionKey, e.HasSession);
        offset = WriteText(span, offset, e.VisitorKey, true);
        offset = WriteText(span, offset, e.EventName, true);
        offset = WriteText(span, offset, e.Device, e.HasDevice);
        offset = WriteText(span, offset, e.Channel, e.HasChannel);
        WriteText(span, offset, e.Country, e.HasCountry);
    }

    /// <summary>
    /// Reads the records of partition <paramref name="index"/>, back to back, once every event has been added, into
    /// <paramref name="buffer"/> (grown when too small, so one buffer serves partition after partition); returns their length.
    /// </summary>
    public int ReadPartition(int index, ref byte[] buffer) => _partitions[index].ReadAll(ref buffer);

    // The hash that groups an event: its session key, or its visitor key when it has no session id.
    private static ulong GroupHash(ReadOnlySpan<byte> key, bool isSession) => XxHash3.HashToUInt64(key, isSession ? 1 : 2);

    public void Dispose()
    {
        foreach (var partition in _partitions)
        {
            partition.Dispose();
        }

        _owner?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The folder is made with its owner lock, so that a sweep by another process can tell it from a dead one's.
    private string SpillFolder()
    {
        if (_owner is null)
        {
            Directory.CreateDirectory(_folder);
            _owner = OwnerLock.Take(Path.Combine(_folder, StoreRollups.OwnerLockName));
        }

        return _folder;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> text, TextRange range) => range.IsNull ? default : text.Slice(range.Offset, range.Length);

    private static int Text(ReadOnlySpan<byte> text, bool present) => present ? VarIntSize(text.Length) + text.Length : 0;

    private static int WriteText(Span<byte> span, int offset, ReadOnlySpan<byte> text, bool present)
    {
        if (!present)
        {
            return offset;
        }

        var length = (uint)text.Length;
        while (length >= 0x80)
        {
            span[offset++] = (byte)(length | 0x80);
            length >>= 7;
        }

        span[offset++] = (byte)length;
        text.CopyTo(span[offset..]);
        return offset + text.Length;
    }

    private static int VarIntSize(int length) => length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : 5;

    /// <summary>One partition: a buffer in memory, and a spill file once the buffer has filled.</summary>
    private sealed class Partition(EventPartitions owner, int index) : IDisposable
    {
        private byte[] _buffer = new byte[256];
        private int _used;
        private FileStream? _file;

        public Span<byte> Reserve(int size)
        {
            if (_used + size > _buffer.Length)
            {
                if (_buffer.Length < BufferSize || size > BufferSize)
                {
                    Array.Resize(ref _buffer, Math.Max(Math.Min(_buffer.Length * 2, BufferSize), _used + size));
                }

                if (_used + size > _buffer.Length)
                {
                    Flush();
                }
            }

            var span = _buffer.AsSpan(_used, size);
            _used += size;
            return span;
        }

        public int ReadAll(ref byte[] buffer)
        {
            var length = (int)(_file?.Length ?? 0) + _used;
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length + (buffer.Length / 4))];
            }

            if (_file is not null)
            {
                _file.Position = 0;
                _file.ReadExactly(buffer, 0, (int)_file.Length);
            }

            _buffer.AsSpan(0, _used).CopyTo(buffer.AsSpan(length - _used));
            return length;
        }

        public void Dispose() => _file?.Dispose();

        private void Flush()
        {
            if (_file is null)
            {
                _file = new FileStream(Path.Combine(owner.SpillFolder(), $"partition-{index}.bin"), FileMode.CreateNew, FileAccess.ReadWrite,
                    FileShare.None, 1, FileOptions.DeleteOnClose);
            }

            _file.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
