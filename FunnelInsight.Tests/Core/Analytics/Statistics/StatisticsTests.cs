namespace FunnelInsight.Tests.Core.Analytics.Statistics;

public class StatisticsTests
{
    [Theory]
    [InlineData(0.0000077, "p < 0.001")]
    [InlineData(0.000999, "p < 0.001")]
    [InlineData(0.001, "p = 0.001")]
    [InlineData(0.04321, "p = 0.043")]
    public void A_p_value_below_a_thousandth_is_written_as_such_never_as_zero(double p, string expected)
    {
        Assert.Equal(expected, TwoProportionTest.Describe(p));
    }

    [Fact]
    public void Wilson_interval_of_8_in_10_matches_the_textbook_value()
    {
        var rate = new Proportion(8, 10);

        Assert.Equal(0.490162, rate.Low, 6);
        Assert.Equal(0.943318, rate.High, 6);
    }

    [Fact]
    public void Zero_successes_still_have_an_upper_bound()
    {
        var rate = new Proportion(0, 5);

        Assert.Equal(0, rate.Low);
        Assert.Equal(0.434482, rate.High, 6);
    }

    [Fact]
    public void Two_proportion_test_of_40_vs_25_in_100_gives_p_of_0_0235()
    {
        var p = TwoProportionTest.PValue(new Proportion(40, 100), new Proportion(25, 100));

        Assert.Equal(0.023540, p, 5);
    }

    [Fact]
    public void A_side_without_data_is_never_different()
    {
        Assert.Equal(1, TwoProportionTest.PValue(new Proportion(0, 0), new Proportion(5, 10)));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_pair_and_p90_is_nearest_rank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5.5, Quantile.Median(values));
        Assert.Equal(9, Quantile.NearestRank(values, 0.9));
        Assert.Equal(10, Quantile.NearestRank([.. values, 11], 0.9));
    }
}
