using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// What a funnel counts (sessions or visitors), reduced to what counting needs: when the unit landed, the stages it
/// reached as a bit mask (ordered: the prefix up to its depth; open: every stage it touched), and its breakdown code.
/// </summary>
internal sealed class FunnelUnits(int count)
{
    public readonly long[] StartUs = new long[count];
    public readonly byte[] Mask = new byte[count];
    public readonly ushort[] Group = new ushort[count];

    public int Count => StartUs.Length;

    /// <summary>One unit per selected session.</summary>
    public static FunnelUnits FromSessions(SessionTable table, int[] selected, FunnelQuery query)
    {
        var units = new FunnelUnits(selected.Length);
        var groups = query.Breakdown is { } dimension ? table.Dimensions[(int)dimension].Codes : null;
        for (var u = 0; u < selected.Length; u++)
        {
            var i = selected[u];
            units.StartUs[u] = table.StartUs[i];
            units.Mask[u] = table.StageMask(i, query.Mode);
            units.Group[u] = groups?[i] ?? 0;
        }

        return units;
    }
}
