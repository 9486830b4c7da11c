using FunnelInsight.Core.Analytics.Segments;

namespace FunnelInsight.Tests.Core.Analytics.Segments;

public sealed class PeriodComparisonTests
{
    private static readonly DateOnly March8 = new(2024, 3, 8), March14 = new(2024, 3, 14);

    [Fact]
    public void The_previous_period_is_as_many_days_ending_the_day_before()
    {
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 7)), PeriodComparison.RangeOf(March8, March14, ComparedPeriod.Previous));
        Assert.Equal((new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29)), PeriodComparison.RangeOf(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 1), ComparedPeriod.Previous));
    }

    [Fact]
    public void The_same_period_last_year_moves_each_end_back_a_year_and_29_february_to_the_28th()
    {
        Assert.Equal((new DateOnly(2023, 3, 8), new DateOnly(2023, 3, 14)), PeriodComparison.RangeOf(March8, March14, ComparedPeriod.Year));
        Assert.Equal((new DateOnly(2023, 2, 28), new DateOnly(2023, 3, 31)), PeriodComparison.RangeOf(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 31), ComparedPeriod.Year));
    }

    [Fact]
    public void An_open_or_reversed_range_and_a_missing_custom_range_compare_with_nothing()
    {
        Assert.Null(PeriodComparison.RangeOf(null, March14, ComparedPeriod.Previous));
        Assert.Null(PeriodComparison.RangeOf(March14, March8, ComparedPeriod.Year));
        Assert.Null(PeriodComparison.RangeOf(March8, March14, ComparedPeriod.Custom, March8, null));
        Assert.Null(PeriodComparison.RangeOf(March8, March14, ComparedPeriod.Custom, March14, March8));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)), PeriodComparison.RangeOf(null, null, ComparedPeriod.Custom, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)));
    }

    [Fact]
    public async Task A_week_compared_with_the_week_before_gives_each_steps_change_and_its_p_value()
    {
        // 8–14 March: 4 land, 2 view a product. 1–7 March: 4 land, 1 views a product. Outside both: 2 that view a product.
        string[] rows =
        [
            .. Enumerable.Range(1, 4).Select(i => $"2024-03-0{i}T10:00:00Z,session_start,b{i},,,,,,,,,"),
            "2024-03-02T10:01:00Z,view_item,b2,,p,5,,,,,,",
            .. Enumerable.Range(1, 4).Select(i => $"2024-03-{9 + i}T10:00:00Z,session_start,a{i},,,,,,,,,"),
            "2024-03-10T10:01:00Z,view_item,a1,,p,5,,,,,,", "2024-03-11T10:01:00Z,view_item,a2,,p,5,,,,,,",
            "2024-02-20T10:00:00Z,session_start,x1,,,,,,,,,", "2024-02-20T10:01:00Z,view_item,x1,,p,5,,,,,,",
            "2024-03-20T10:00:00Z,session_start,x2,,,,,,,,,", "2024-03-20T10:01:00Z,view_item,x2,,p,5,,,,,,",
        ];
        await using var store = await AnalyticsStore.CreateAsync(string.Join("\n", rows));
        var current = store.Query with { From = March8, To = March14 };

        var comparison = await store.Analytics.CompareAsync(current, PeriodComparison.Other(current, ComparedPeriod.Previous)!);
        var product = comparison.Steps[0];

        Assert.Equal(("product", 2L, 4L, 1L, 4L), (product.Name, product.First.Count, product.First.Total, product.Second.Count, product.Second.Total));
        // +25 points; pooled 3 of 8: z = 0.25 / √(0.375 · 0.625 · (1/4 + 1/4)) = 0.7303, p = 0.4652, not a difference.
        Assert.Equal(0.25, product.Difference, 12);
        Assert.Equal(0.4652, Math.Round(product.PValue, 4));
        Assert.False(product.IsDifferent);
    }
}
