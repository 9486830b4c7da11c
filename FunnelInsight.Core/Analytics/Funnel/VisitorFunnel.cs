using System.Buffers.Binary;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// Visitor scope: a visitor's selected sessions are replayed as one stream of stage events, cut at the conversion
/// window from the visitor's first landing, and counted as one unit.
/// </summary>
internal static class VisitorFunnel
{
    public static FunnelUnits Build(SessionTable table, VisitorPaths visitors, int[] selected, FunnelQuery query, long windowUs)
    {
        int[]? none = null;
        return Build(table, visitors, selected, query, windowUs, ref none);
    }

    /// <summary>As the other overload; <paramref name="lastSessions"/>, when given, receives each unit's last selected session (a table position).</summary>
    public static FunnelUnits Build(SessionTable table, VisitorPaths visitors, int[] selected, FunnelQuery query, long windowUs, ref int[]? lastSessions)
    {
        var grouped = GroupByVisitor(visitors, selected, out var firsts);
        var units = new FunnelUnits(firsts.Count);
        if (lastSessions is not null)
        {
            lastSessions = new int[firsts.Count];
        }

        var groups = query.Breakdown is { } dimension ? table.Dimensions[(int)dimension].Codes : null;
        var stream = new List<(long TimeUs, int Session, int Index, FunnelStage Stage)>();
        for (var u = 0; u < firsts.Count; u++)
        {
            var (from, to) = firsts[u];
            var first = grouped[from];
            var end = table.StartUs[first] + windowUs;
            stream.Clear();
            for (var s = from; s < to; s++)
            {
                var path = visitors.Path(grouped[s]);
                for (int offset = 0, index = 0; offset + SessionRollup.PathEntrySize <= path.Length; offset += SessionRollup.PathEntrySize, index++)
                {
                    var timeUs = BinaryPrimitives.ReadInt64LittleEndian(path[offset..]);
                    if (timeUs <= end)
                    {
                        stream.Add((timeUs, s, index, (FunnelStage)path[offset + 8]));
                    }
                }
            }

            stream.Sort();
            units.StartUs[u] = table.StartUs[first];
            units.Mask[u] = query.Mode == FunnelMode.Ordered ? (byte)(SessionTable.DepthMask(OrderedDepth(stream, table.Tracked)) & table.Tracked.Mask) : OpenMask(stream);
            units.Group[u] = groups?[first] ?? 0;
            if (lastSessions is not null)
            {
                lastSessions[u] = grouped[to - 1];
            }
        }

        return units;
    }

    /// <summary>
    /// The selected sessions regrouped visitor by visitor (a counting sort), each visitor's sessions still in start
    /// order, with each visitor's range in the result.
    /// </summary>
    private static int[] GroupByVisitor(VisitorPaths visitors, int[] selected, out List<(int From, int To)> ranges)
    {
        var next = new int[visitors.VisitorCount + 1];
        foreach (var i in selected)
        {
            next[visitors.Visitor[i] + 1]++;
        }

        for (var v = 1; v < next.Length; v++)
        {
            next[v] += next[v - 1];
        }

        var starts = (int[])next.Clone();
        var grouped = new int[selected.Length];
        foreach (var i in selected)
        {
            grouped[next[visitors.Visitor[i]]++] = i;
        }

        ranges = new List<(int, int)>();
        for (var v = 0; v < visitors.VisitorCount; v++)
        {
            if (starts[v + 1] > starts[v])
            {
                ranges.Add((starts[v], starts[v + 1]));
            }
        }

        return grouped;
    }

    // The same greedy earliest match as a session's: the first entry lands and may itself reach its stage; untracked
    // stages are passed over.
    private static int OrderedDepth(List<(long TimeUs, int Session, int Index, FunnelStage Stage)> stream, TrackedStages tracked)
    {
        int depth = 0, position = 0;
        for (var stage = FunnelStage.Product; stage <= FunnelStage.Purchase; stage++)
        {
            if (!tracked.Contains(stage))
            {
                continue;
            }

            while (position < stream.Count && stream[position].Stage != stage)
            {
                position++;
            }

            if (position == stream.Count)
            {
                break;
            }

            depth = (int)stage;
        }

        return depth;
    }

    private static byte OpenMask(List<(long TimeUs, int Session, int Index, FunnelStage Stage)> stream)
    {
        var mask = 1;
        foreach (var entry in stream)
        {
            mask |= 1 << (int)entry.Stage;
        }

        return (byte)mask;
    }
}
