using FunnelInsight.Core.Events.ClickHouse;

namespace FunnelInsight.Tests.Core.Events.ClickHouse;

/// <summary>How many slices ClickHouse counts a user-defined funnel in (the counts themselves are in the agreement tests).</summary>
public sealed class ClickHouseEventFunnelTests
{
    [Theory]
    [InlineData(0L, 2_000_000L, 1)]
    [InlineData(1_999_999L, 2_000_000L, 1)]
    [InlineData(2_000_000L, 2_000_000L, 1)]
    [InlineData(2_000_001L, 2_000_000L, 2)]
    [InlineData(10_000_000L, 2_000_000L, 5)]
    [InlineData(7L, 2L, 4)]
    public void A_funnel_runs_in_as_many_slices_as_the_store_has_slice_sizes_of_events(long events, long sliceEvents, int slices) =>
        Assert.Equal(slices, ClickHouseEventFunnel.Slices(events, sliceEvents));

    [Theory]
    [InlineData(10_000_000L, 2_000_000L, 2, 3)]
    [InlineData(10_000_000L, 2_000_000L, 5, 1)]
    [InlineData(4_000_001L, 2_000_000L, 2, 2)]
    [InlineData(7L, 2L, 2, 2)]
    [InlineData(1L, 2L, 3, 1)]
    public void On_shards_that_each_count_their_own_units_a_slice_holds_a_shards_share_of_the_events(long events, long sliceEvents, int shards, int slices) =>
        Assert.Equal(slices, ClickHouseEventFunnel.Slices(events, sliceEvents, shards));
}
