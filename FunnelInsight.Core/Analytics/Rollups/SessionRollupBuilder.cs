using System.Buffers.Binary;
using System.Text;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Turns partitioned events into <see cref="SessionSummary"/> rows, one partition in memory at a time: sorts the
/// partition by (group, time, id), drops repeated events (same identity hash at the same time in the same group; the
/// lowest id, the first stored, stays), and rolls each session up. Events without a session id are grouped by visitor
/// and cut into sessions at the store's inactivity timeout.
/// </summary>
internal sealed class SessionRollupBuilder(int storeId, StageMap map, TimeSpan sessionTimeout)
{
    private readonly long _timeoutUs = (long)sessionTimeout.TotalMicroseconds;
    private readonly Utf8Interner _names = new();
    private readonly Utf8Interner _values = new();
    private readonly List<SessionEvent> _session = [];

    /// <summary>Rolls up every partition; returns the number of sessions.</summary>
    /// <param name="partitions">The store's events, all of them.</param>
    /// <param name="onSession">Receives each session.</param>
    /// <param name="onDuplicate">Receives the id of each event that repeats one with a lower id.</param>
    /// <param name="onPartitionDone">Told after each partition, with the number done.</param>
    /// <param name="cancellationToken">Checked between partitions and every few thousand sessions.</param>
    public long Build(EventPartitions partitions, Action<SessionSummary> onSession, Action<long> onDuplicate,
        Action<int>? onPartitionDone, CancellationToken cancellationToken)
    {
        long sessions = 0;
        for (var p = 0; p < partitions.PartitionCount; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = partitions.ReadPartition(p);
            var rows = Index(data);
            Array.Sort(rows);
            var start = 0;
            while (start < rows.Length)
            {
                var end = start + 1;
                while (end < rows.Length && rows[end].Group == rows[start].Group)
                {
                    end++;
                }

                sessions += BuildGroups(data, rows.AsSpan(start, end - start), onSession, onDuplicate);
                start = end;
                if ((sessions & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            onPartitionDone?.Invoke(p + 1);
        }

        return sessions;
    }

    private static Row[] Index(byte[] data)
    {
        var rows = new List<Row>(data.Length / 64);
        var offset = 0;
        while (offset < data.Length)
        {
            var record = data.AsSpan(offset);
            rows.Add(new Row(
                BinaryPrimitives.ReadUInt64LittleEndian(record),
                BinaryPrimitives.ReadInt64LittleEndian(record[16..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[24..]),
                offset));
            var reader = new RecordReader(data, offset);
            reader.SkipTexts();
            offset = reader.Offset;
        }

        return [.. rows];
    }

    // Rows with one group hash: normally one group; two keys that share a hash are told apart by their bytes.
    private long BuildGroups(byte[] data, Span<Row> rows, Action<SessionSummary> onSession, Action<long> onDuplicate)
    {
        var first = new RecordReader(data, rows[0].Offset).GroupKey();
        var oneKey = true;
        for (var i = 1; i < rows.Length && oneKey; i++)
        {
            oneKey = new RecordReader(data, rows[i].Offset).GroupKey().SequenceEqual(first);
        }

        if (oneKey)
        {
            return BuildGroup(data, rows, onSession, onDuplicate);
        }

        rows.Sort((a, b) =>
        {
            var byKey = new RecordReader(data, a.Offset).GroupKey().SequenceCompareTo(new RecordReader(data, b.Offset).GroupKey());
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        long sessions = 0;
        var start = 0;
        for (var i = 1; i <= rows.Length; i++)
        {
            if (i == rows.Length || !new RecordReader(data, rows[i].Offset).GroupKey().SequenceEqual(new RecordReader(data, rows[start].Offset).GroupKey()))
            {
                sessions += BuildGroup(data, rows[start..i], onSession, onDuplicate);
                start = i;
            }
        }

        return sessions;
    }

    // One session id's events, or one visitor's events without a session id (cut at the inactivity timeout).
    private long BuildGroup(byte[] data, Span<Row> rows, Action<SessionSummary> onSession, Action<long> onDuplicate)
    {
        var head = new RecordReader(data, rows[0].Offset);
        var fromSession = head.HasSession;
        var groupKey = fromSession ? Encoding.UTF8.GetString(head.GroupKey()) : null;
        string? visitor = null;
        long sessions = 0;
        _session.Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            if (IsRepeat(rows, i))
            {
                onDuplicate(rows[i].Id);
                continue;
            }

            if (!fromSession && _session.Count > 0 && rows[i].TimeUs - _session[^1].TimeUs > _timeoutUs)
            {
                sessions += Emit(groupKey, visitor!, onSession);
            }

            visitor ??= Encoding.UTF8.GetString(new RecordReader(data, rows[i].Offset).VisitorKey());
            _session.Add(Event(new RecordReader(data, rows[i].Offset), rows[i].TimeUs));
        }

        return sessions + Emit(groupKey, visitor!, onSession);
    }

    // Rows are in (time, id) order: a repeat has the identity hash of an earlier, kept row of the same time.
    private static bool IsRepeat(Span<Row> rows, int i)
    {
        for (var j = i - 1; j >= 0 && rows[j].TimeUs == rows[i].TimeUs; j--)
        {
            if (rows[j].IdentityHash == rows[i].IdentityHash && !rows[j].Repeated)
            {
                rows[i].Repeated = true;
                return true;
            }
        }

        return false;
    }

    private int Emit(string? sessionKey, string visitor, Action<SessionSummary> onSession)
    {
        if (_session.Count == 0)
        {
            return 0;
        }

        var key = sessionKey ?? $"{visitor}#{_session[0].TimeUs}";
        onSession(SessionRollup.Build(storeId, key, visitor, _session));
        _session.Clear();
        return 1;
    }

    private SessionEvent Event(RecordReader reader, long timeUs)
    {
        var fixedPart = reader.Fixed;
        var price = BinaryPrimitives.ReadDoubleLittleEndian(fixedPart[32..]);
        var quantity = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[40..]);
        var pageLoad = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[44..]);
        reader.SkipKeys();
        var name = Name(reader.NextText());
        return new SessionEvent(
            timeUs,
            name.Name,
            name.Meaning,
            double.IsNaN(price) ? null : price,
            quantity == int.MinValue ? null : quantity,
            reader.HasDevice ? Value(reader.NextText()) : null,
            reader.HasChannel ? Value(reader.NextText()) : null,
            reader.HasCountry ? Value(reader.NextText()) : null,
            pageLoad == int.MinValue ? null : pageLoad);
    }

    private (string Name, EventMeaning Meaning) Name(ReadOnlySpan<byte> utf8)
    {
        var entry = _names.Find(utf8);
        entry.Meaning ??= map.Meaning(entry.Value);
        return (entry.Value, entry.Meaning.Value);
    }

    private string Value(ReadOnlySpan<byte> utf8) => _values.Find(utf8).Value;

    /// <summary>The sort key of one record: group, then time, then id (the order events were stored in).</summary>
    private record struct Row(ulong Group, long TimeUs, long Id, long IdentityHash, int Offset) : IComparable<Row>
    {
        public bool Repeated;

        public readonly int CompareTo(Row other)
        {
            var byGroup = Group.CompareTo(other.Group);
            if (byGroup != 0)
            {
                return byGroup;
            }

            var byTime = TimeUs.CompareTo(other.TimeUs);
            return byTime != 0 ? byTime : Id.CompareTo(other.Id);
        }
    }

    /// <summary>Reads the text part of one record (see <see cref="EventPartitions.Add"/>) field by field.</summary>
    private ref struct RecordReader(byte[] data, int offset)
    {
        private readonly byte _flags = data[offset + 48];
        private readonly int _start = offset;

        public int Offset { get; private set; } = offset + EventPartitions.FixedSize;

        public readonly ReadOnlySpan<byte> Fixed => data.AsSpan(_start, EventPartitions.FixedSize);

        public readonly bool HasSession => (_flags & 1) != 0;

        public readonly bool HasDevice => (_flags & 2) != 0;

        public readonly bool HasChannel => (_flags & 4) != 0;

        public readonly bool HasCountry => (_flags & 8) != 0;

        /// <summary>The session key, or the visitor key when there is no session id.</summary>
        public ReadOnlySpan<byte> GroupKey() => NextText();

        public ReadOnlySpan<byte> VisitorKey()
        {
            if (HasSession)
            {
                NextText();
            }

            return NextText();
        }

        public void SkipKeys()
        {
            if (HasSession)
            {
                NextText();
            }

            NextText();
        }

        public void SkipTexts()
        {
            var texts = 2 + (HasSession ? 1 : 0) + (HasDevice ? 1 : 0) + (HasChannel ? 1 : 0) + (HasCountry ? 1 : 0);
            for (var i = 0; i < texts; i++)
            {
                NextText();
            }
        }

        public ReadOnlySpan<byte> NextText()
        {
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[Offset++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            var text = data.AsSpan(Offset, length);
            Offset += length;
            return text;
        }
    }
}
