using FunnelInsight.Benchmarks;

namespace FunnelInsight.Tests.Benchmarks;

public class StageCountsTests
{
    [Fact]
    public void Differences_name_each_label_and_stage_that_disagrees_with_both_values()
    {
        var duck = new StageCounts(new Dictionary<string, long?[]> { ["mobile"] = [10, 6, 3, 2, 1], ["tablet"] = [4, 2, 1, 0, 0] });
        var engine = new StageCounts(new Dictionary<string, long?[]> { ["mobile"] = [10, 6, 2, 2, 1], ["desktop"] = [1, 1, 0, 0, 0] });

        Assert.Equal(
            [
                "desktop landing: duckdb (missing), funnelinsight 1",
                "desktop product: duckdb (missing), funnelinsight 1",
                "desktop cart: duckdb (missing), funnelinsight 0",
                "desktop checkout: duckdb (missing), funnelinsight 0",
                "desktop purchase: duckdb (missing), funnelinsight 0",
                "mobile cart: duckdb 3, funnelinsight 2",
                "tablet landing: duckdb 4, funnelinsight (missing)",
                "tablet product: duckdb 2, funnelinsight (missing)",
                "tablet cart: duckdb 1, funnelinsight (missing)",
                "tablet checkout: duckdb 0, funnelinsight (missing)",
                "tablet purchase: duckdb 0, funnelinsight (missing)",
            ],
            StageCounts.Differences(duck, engine));
    }

    [Fact]
    public void Equal_counts_have_no_differences()
    {
        var counts = new Dictionary<string, long?[]> { ["mobile"] = [10, 6, 3, 2, 1] };

        Assert.Empty(StageCounts.Differences(new StageCounts(counts), new StageCounts(new Dictionary<string, long?[]>(counts))));
    }
}
