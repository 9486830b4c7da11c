using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// Visitor scope: a visitor's selected sessions are replayed as one stream of stage events, cut at the conversion
/// window from the visitor's first landing, and counted as one unit.
/// </summary>
internal static class VisitorFunnel
{
    public static FunnelUnits Build(SessionTable table, VisitorPaths visitors, int[] selected, FunnelQuery query, long windowUs)
    {
        // Sessions arrive in start order, so each visitor's list starts with their first landing.
        var byVisitor = new Dictionary<int, List<int>>();
        var order = new List<int>();
        foreach (var i in selected)
        {
            var visitor = visitors.Visitor[i];
            if (!byVisitor.TryGetValue(visitor, out var sessions))
            {
                sessions = [];
                byVisitor.Add(visitor, sessions);
                order.Add(visitor);
            }

            sessions.Add(i);
        }

        var units = new FunnelUnits(order.Count);
        var groups = query.Breakdown is { } dimension ? table.Dimensions[(int)dimension].Codes : null;
        var stream = new List<(long TimeUs, int Session, int Index, FunnelStage Stage)>();
        for (var u = 0; u < order.Count; u++)
        {
            var sessions = byVisitor[order[u]];
            var first = sessions[0];
            var end = table.StartUs[first] + windowUs;
            stream.Clear();
            for (var s = 0; s < sessions.Count; s++)
            {
                var index = 0;
                foreach (var (timeUs, stage) in SessionRollup.ReadPath(visitors.Paths[sessions[s]]))
                {
                    if (timeUs <= end)
                    {
                        stream.Add((timeUs, s, index, stage));
                    }

                    index++;
                }
            }

            stream.Sort();
            units.StartUs[u] = table.StartUs[first];
            units.Mask[u] = query.Mode == FunnelMode.Ordered ? SessionTable.DepthMask(OrderedDepth(stream)) : OpenMask(stream);
            units.Group[u] = groups?[first] ?? 0;
        }

        return units;
    }

    // The same greedy earliest match as a session's: the first entry lands and may itself reach its stage.
    private static int OrderedDepth(List<(long TimeUs, int Session, int Index, FunnelStage Stage)> stream)
    {
        int depth = 0, position = 0;
        for (var stage = FunnelStage.Product; stage <= FunnelStage.Purchase; stage++)
        {
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
