using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using System.Text;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Turns partitioned events into <see cref="SessionSummary"/> rows, one partition in memory at a time: sorts the
/// partition by (group, time, id), drops repeated events (same identity hash at the same time in the same group; the
/// lowest id, the first stored, stays), and rolls each session up. Events without a session id are grouped by visitor
/// and cut into sessions at the store's inactivity timeout.
/// </summary>
internal sealed class SessionRollupBuilder(StageMap map, TimeSpan sessionTimeout)
{
    /// <summary>
    /// Threads an import or a rebuild rolls partitions up on: one per core, at most four, since each holds a partition
    /// (a few tens of MB) in memory and memory must not depend on the machine more than that.
    /// </summary>
    public static int DefaultThreads => Math.Min(Environment.ProcessorCount, 4);

    private readonly long _timeoutUs = (long)sessionTimeout.TotalMicroseconds;
    private readonly Utf8Interner _names = new();
    private readonly Utf8Interner _values = new();
    private readonly List<SessionEvent> _session = [];
    private byte[] _data = [];
    private PartitionRow[] _rows = [];
    private TrackedStages _tracked = TrackedStages.All;

    /// <summary>
    /// Rolls up every partition, on <paramref name="threads"/> threads (this one and helpers, each with a builder of its
    /// own); returns the number of sessions. Each partition goes into a sink of its own on the thread that builds it;
    /// the sinks are handed over in partition order, one at a time, so the stored result does not depend on the threads.
    /// </summary>
    /// <param name="partitions">The store's events, all of them.</param>
    /// <param name="tracked">The stages the store's events track: the ordered funnel passes over the others.</param>
    /// <param name="newSink">Makes the sink of one partition.</param>
    /// <param name="handOver">Receives each partition's sink once every partition before it has been handed over.</param>
    /// <param name="cancellationToken">Checked between partitions and every few thousand sessions.</param>
    /// <param name="threads">Threads that build partitions side by side.</param>
    public long Build<TSink>(EventPartitions partitions, TrackedStages tracked, Func<TSink> newSink, Action<TSink> handOver, CancellationToken cancellationToken, int threads = 1)
        where TSink : class, IPartitionSink
    {
        var count = partitions.PartitionCount;
        var built = new TSink?[count];
        var gate = new object();
        int next = -1, handedOver = 0;
        long sessions = 0;

        void Work(SessionRollupBuilder builder)
        {
            builder._tracked = tracked;
            try
            {
                int p;
                while ((p = Interlocked.Increment(ref next)) < count)
                {
                    var sink = newSink();
                    builder.BuildPartition(partitions, p, sink, cancellationToken);
                    lock (gate)
                    {
                        built[p] = sink;
                        for (; handedOver < count && built[handedOver] is { } ready; handedOver++)
                        {
                            built[handedOver] = null;
                            handOver(ready);
                            sessions += ready.Sessions;
                        }
                    }
                }
            }
            catch
            {
                // No thread starts another partition once one has failed.
                Interlocked.Exchange(ref next, count);
                throw;
            }
        }

        var helpers = Enumerable.Range(1, threads - 1)
            .Select(_ => Task.Factory.StartNew(() => Work(new SessionRollupBuilder(map, sessionTimeout)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        Exception? failure = null;
        try
        {
            Work(this);
        }
        catch (Exception e)
        {
            failure = e;
        }

        // The helpers read the partitions: wait for every one before returning (and before the caller disposes them).
        foreach (var helper in helpers)
        {
            try
            {
                helper.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return sessions;
    }

    private void BuildPartition(EventPartitions partitions, int p, IPartitionSink sink, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var length = partitions.ReadPartition(p, ref _data);
        var data = _data;
        var rows = Index(data, length);
        rows.Sort();
        var start = 0;
        while (start < rows.Length)
        {
            var end = start + 1;
            while (end < rows.Length && rows[end].Group == rows[start].Group)
            {
                end++;
            }

            BuildGroups(data, rows.Slice(start, end - start), sink);
            start = end;
            if ((sink.Sessions & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    // One row per record of data[..length], in the builder's reused row buffer.
    private Span<PartitionRow> Index(byte[] data, int length)
    {
        var count = 0;
        var offset = 0;
        while (offset < length)
        {
            if (count == _rows.Length)
            {
                Array.Resize(ref _rows, Math.Max(1024, _rows.Length + (_rows.Length / 2)));
            }

            var record = data.AsSpan(offset);
            _rows[count++] = new PartitionRow(
                BinaryPrimitives.ReadUInt64LittleEndian(record),
                BinaryPrimitives.ReadInt64LittleEndian(record[16..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[24..]),
                offset);
            var reader = new PartitionRecordReader(data, offset);
            reader.SkipTexts();
            offset = reader.Offset;
        }

        return _rows.AsSpan(0, count);
    }

    // Rows with one group hash: normally one group; two keys that share a hash are told apart by their bytes.
    private void BuildGroups(byte[] data, Span<PartitionRow> rows, IPartitionSink sink)
    {
        var first = new PartitionRecordReader(data, rows[0].Offset).GroupKey();
        var oneKey = true;
        for (var i = 1; i < rows.Length && oneKey; i++)
        {
            oneKey = new PartitionRecordReader(data, rows[i].Offset).GroupKey().SequenceEqual(first);
        }

        if (oneKey)
        {
            BuildGroup(data, rows, sink);
            return;
        }

        rows.Sort((a, b) =>
        {
            var byKey = new PartitionRecordReader(data, a.Offset).GroupKey().SequenceCompareTo(new PartitionRecordReader(data, b.Offset).GroupKey());
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        var start = 0;
        for (var i = 1; i <= rows.Length; i++)
        {
            if (i == rows.Length || !new PartitionRecordReader(data, rows[i].Offset).GroupKey().SequenceEqual(new PartitionRecordReader(data, rows[start].Offset).GroupKey()))
            {
                BuildGroup(data, rows[start..i], sink);
                start = i;
            }
        }
    }

    // One session id's events, or one visitor's events without a session id (cut at the inactivity timeout).
    private void BuildGroup(byte[] data, Span<PartitionRow> rows, IPartitionSink sink)
    {
        var head = new PartitionRecordReader(data, rows[0].Offset);
        var fromSession = head.HasSession;
        var groupKey = fromSession ? Encoding.UTF8.GetString(head.GroupKey()) : null;
        string? visitor = null;
        _session.Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            if (IsRepeat(rows, i))
            {
                sink.Repeat(rows[i].Id);
                continue;
            }

            if (!fromSession && _session.Count > 0 && rows[i].TimeUs - _session[^1].TimeUs > _timeoutUs)
            {
                Emit(groupKey, visitor!, sink);
            }

            visitor ??= Encoding.UTF8.GetString(new PartitionRecordReader(data, rows[i].Offset).VisitorKey());
            _session.Add(Event(new PartitionRecordReader(data, rows[i].Offset), rows[i].TimeUs));
        }

        Emit(groupKey, visitor!, sink);
    }

    // Rows are in (time, id) order: a repeat has the identity hash of an earlier, kept row of the same time.
    private static bool IsRepeat(Span<PartitionRow> rows, int i)
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

    private void Emit(string? sessionKey, string visitor, IPartitionSink sink)
    {
        if (_session.Count == 0)
        {
            return;
        }

        var key = sessionKey ?? $"{visitor}#{_session[0].TimeUs}";
        var summary = SessionRollup.Build(key, visitor, _session, _tracked);
        summary.FromSessionId = sessionKey is not null;
        sink.Session(summary);
        _session.Clear();
    }

    private SessionEvent Event(PartitionRecordReader reader, long timeUs)
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
}
