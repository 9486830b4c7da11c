using System.Buffers;
using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Events;

/// <summary>
/// Builds the <see cref="VisitorPaths"/> of a loaded <see cref="SessionTable"/> from its sessions' visitor keys and stage
/// paths, in whatever order an engine reads them; sessions the table does not hold are skipped.
/// </summary>
internal sealed class VisitorPathsBuilder
{
    private readonly Dictionary<long, int> _position;
    private readonly int[] _visitor;
    private readonly int[] _pathStart;
    private readonly int[] _pathLength;
    private readonly ArrayBufferWriter<byte> _pathBytes;
    private readonly Dictionary<string, int> _visitorIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="table">The sessions whose visitors and paths are read.</param>
    public VisitorPathsBuilder(SessionTable table)
    {
        _position = new Dictionary<long, int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            _position[table.RowId[i]] = i;
        }

        _visitor = new int[table.Count];
        _pathStart = new int[table.Count];
        _pathLength = new int[table.Count];
        _pathBytes = new ArrayBufferWriter<byte>(Math.Max(1, table.Count * 2 * Analytics.Rollups.SessionRollup.PathEntrySize));
        _lookup = _visitorIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether session <paramref name="sessionId"/> is in the table (the others need not be decoded).</summary>
    public bool Holds(long sessionId) => _position.ContainsKey(sessionId);

    /// <summary>Records session <paramref name="sessionId"/>'s visitor and stage path.</summary>
    public void Add(long sessionId, ReadOnlySpan<char> visitorKey, ReadOnlySpan<byte> path)
    {
        if (!_position.TryGetValue(sessionId, out var i))
        {
            return;
        }

        if (!_lookup.TryGetValue(visitorKey, out var visitorId))
        {
            visitorId = _visitorIds.Count;
            _visitorIds.Add(visitorKey.ToString(), visitorId);
        }

        _visitor[i] = visitorId;
        _pathStart[i] = _pathBytes.WrittenCount;
        _pathLength[i] = path.Length;
        _pathBytes.Write(path);
    }

    /// <summary>The paths recorded.</summary>
    public VisitorPaths Build() => new(_visitor, _visitorIds.Count, _pathBytes.WrittenSpan.ToArray(), _pathStart, _pathLength);
}
