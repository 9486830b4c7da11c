namespace FunnelInsight.Tests.Core.Analytics.Funnel;

public sealed class BreakdownGroupsTests
{
    // A value whose units reach landing … purchase the given numbers of times; cart and checkout abandonment from
    // the given counts of units that reached the stage and did not buy.
    private static FunnelSegment Value(string label, long[] reached, long cartLeft, long checkoutLeft) =>
        new(label, [.. reached.Select((n, k) => new FunnelStep((FunnelStage)k, true, n, new Proportion(n, reached[Math.Max(k - 1, 0)]), reached[Math.Max(k - 1, 0)] - n, new Proportion(reached[Math.Max(k - 1, 0)] - n, reached[Math.Max(k - 1, 0)])))],
            new Proportion(reached[4], reached[0]), new Proportion(cartLeft, reached[2]), new Proportion(checkoutLeft, reached[3]));

    private static readonly FunnelSegment[] Nine =
    [
        Value("mobile", [500, 300, 100, 60, 30], 70, 30),
        Value("desktop", [400, 250, 90, 50, 35], 55, 15),
        Value("tablet", [100, 60, 20, 10, 5], 15, 5),
        Value("tv", [40, 20, 8, 4, 2], 6, 2),
        Value("watch", [30, 12, 6, 3, 1], 5, 2),
        Value("console", [20, 10, 4, 2, 1], 3, 1),
        // The three below are "other": 10 + 6 + 4 = 20 landed, 5 + 3 + 2 = 10 viewed, 3 + 2 + 1 = 6 carts,
        // 2 + 1 + 1 = 4 checkouts, 1 + 1 + 0 = 2 purchases; 4 carts and 2 checkouts left.
        Value("car", [10, 5, 3, 2, 1], 2, 1),
        Value("fridge", [6, 3, 2, 1, 1], 1, 0),
        Value("<b>kiosk</b>", [4, 2, 1, 1, 0], 1, 1),
    ];

    [Fact]
    public void Past_the_top_values_the_rest_are_summed_into_one_other_funnel_with_its_rates()
    {
        var groups = BreakdownGroups.Of(Nine, 6);

        Assert.Equal(["mobile", "desktop", "tablet", "tv", "watch", "console"], groups.Top.Select(s => s.Label));
        Assert.Equal(3, groups.OtherValues);
        var other = groups.Other!;
        Assert.Equal("other", other.Label);
        Assert.Equal([20L, 10, 6, 4, 2], other.Stages.Select(s => s.Reached!.Value));
        Assert.Equal((6L, 10L), (other[FunnelStage.Cart].StepConversion.Count, other[FunnelStage.Cart].StepConversion.Total));
        Assert.Equal((4L, 10L), (other[FunnelStage.Cart].DropOff!.Value, other[FunnelStage.Cart].DropRate.Total));
        Assert.Equal(new Proportion(2, 20), other.OverallConversion);
        Assert.Equal(new Proportion(4, 6), other.CartAbandonment);
        Assert.Equal(new Proportion(2, 4), other.CheckoutAbandonment);
    }

    [Fact]
    public void Every_unit_counts_once_in_the_top_values_and_the_other_funnel()
    {
        var groups = BreakdownGroups.Of(Nine, 6);

        Assert.Equal(Nine.Sum(s => s.Landed), groups.Top.Sum(s => s.Landed) + groups.Other!.Landed);
        Assert.Equal(Nine.Sum(s => s[FunnelStage.Purchase].Reached), groups.Top.Sum(s => s[FunnelStage.Purchase].Reached) + groups.Other[FunnelStage.Purchase].Reached);
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(7, 7)] // one value past the top is drawn as itself, not as an "other" of one
    public void A_breakdown_with_at_most_one_value_past_the_top_has_no_other_funnel(int values, int drawn)
    {
        var groups = BreakdownGroups.Of(Nine[..values], 6);

        Assert.Equal((drawn, null, 0), (groups.Top.Count, groups.Other, groups.OtherValues));
    }

    [Fact]
    public void An_untracked_stage_stays_untracked_in_the_other_funnel()
    {
        FunnelSegment NoCheckout(string label, long n)
        {
            var value = Value(label, [n, n / 2, n / 4, 0, n / 8], n / 8, 0);
            return value with { Stages = [.. value.Stages.Select(s => s.Stage == FunnelStage.Checkout ? FunnelStep.NotTracked(s.Stage) : s)], CheckoutAbandonment = Proportion.None };
        }

        var other = BreakdownGroups.Sum("other", [NoCheckout("a", 80), NoCheckout("b", 16)]);

        Assert.False(other[FunnelStage.Checkout].Tracked);
        Assert.Null(other[FunnelStage.Checkout].Reached);
        // purchase follows cart: 12 of 24 carts.
        Assert.Equal(new Proportion(12, 24), other[FunnelStage.Purchase].StepConversion);
        Assert.False(other.CheckoutAbandonment.HasData);
    }
}
