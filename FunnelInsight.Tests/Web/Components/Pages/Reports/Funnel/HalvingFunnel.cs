namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

/// <summary>The breakdown and trend tests' funnel of one value or week, whose figures are easy to check by hand.</summary>
internal static class HalvingFunnel
{
    /// <summary>A value whose units all land, half view, half of those add to cart, all of those check out, half buy.</summary>
    public static FunnelSegment Segment(string label, long landed)
    {
        long[] reached = [landed, landed / 2, landed / 4, landed / 4, landed / 8];
        var steps = reached.Select((n, k) =>
        {
            var previous = reached[Math.Max(k - 1, 0)];
            return new FunnelStep((FunnelStage)k, true, n, new Proportion(n, previous), previous - n, new Proportion(previous - n, previous));
        }).ToList();
        return new FunnelSegment(label, steps, new Proportion(reached[4], reached[0]),
            new Proportion(reached[2] - reached[4], reached[2]), new Proportion(reached[3] - reached[4], reached[3]));
    }
}
