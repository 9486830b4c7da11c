namespace FunnelInsight.Tests.Core.Analytics;

public class TrendPeriodsTests
{
    [Theory]
    [InlineData("2024-03-01", "2024-03-10", TrendGranularity.Daily)] // 10 days
    [InlineData("2024-03-01", "2024-04-29", TrendGranularity.Daily)] // 60 days
    [InlineData("2024-03-01", "2024-04-30", TrendGranularity.Weekly)] // 61 days
    [InlineData("2024-01-01", "2024-04-29", TrendGranularity.Weekly)] // 120 days
    [InlineData("2024-01-01", "2024-12-31", TrendGranularity.Weekly)] // 366 days
    [InlineData("2023-01-01", "2024-01-02", TrendGranularity.Monthly)] // 367 days
    [InlineData("2023-01-01", "2024-12-30", TrendGranularity.Monthly)] // 730 days, two years
    public void The_interval_is_daily_up_to_60_days_weekly_up_to_366_and_monthly_beyond(string first, string last, TrendGranularity expected) =>
        Assert.Equal(expected, TrendPeriods.IntervalFor(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_month_runs_from_its_first_to_its_last_day_and_a_week_from_monday_to_sunday()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), TrendPeriods.StartOf(new DateOnly(2024, 2, 17), TrendGranularity.Monthly));
        Assert.Equal(new DateOnly(2024, 2, 29), TrendPeriods.EndOf(new DateOnly(2024, 2, 1), TrendGranularity.Monthly));
        Assert.Equal(new DateOnly(2024, 3, 4), TrendPeriods.StartOf(new DateOnly(2024, 3, 10), TrendGranularity.Weekly));
        Assert.Equal(new DateOnly(2024, 3, 10), TrendPeriods.EndOf(new DateOnly(2024, 3, 4), TrendGranularity.Weekly));
    }

    [Fact]
    public async Task Without_a_range_the_last_week_past_the_last_session_day_is_partial()
    {
        // Sessions on Mon 4, Tue 5, Mon 11 and Tue 12 March 2024: the week of the 11th runs to the 17th, past the 12th.
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var trend = (await store.Analytics.FunnelAsync(store.Query with { Trend = TrendGranularity.Weekly })).Trend;

        Assert.Equal([false, true], trend.Select(p => p.Partial));
        Assert.Equal([new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 17)], trend.Select(p => p.PeriodEnd));
    }

    [Fact]
    public async Task A_range_starting_midweek_makes_its_first_week_partial()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var query = store.Query with { Trend = TrendGranularity.Weekly, From = new DateOnly(2024, 3, 5), To = new DateOnly(2024, 3, 31) };
        var trend = (await store.Analytics.FunnelAsync(query)).Trend;

        Assert.Equal([new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 11)], trend.Select(p => p.PeriodStart));
        Assert.Equal([true, false], trend.Select(p => p.Partial));
    }

    [Fact]
    public async Task A_month_the_data_covers_from_the_4th_to_the_12th_is_partial()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var point = Assert.Single((await store.Analytics.FunnelAsync(store.Query with { Trend = TrendGranularity.Monthly })).Trend);

        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), true), (point.PeriodStart, point.PeriodEnd, point.Partial));
        Assert.Equal(TrendGranularity.Monthly, point.Granularity);
    }

    [Theory]
    [InlineData(null, null, TrendGranularity.Daily)] // the data's 9 days, 4 to 12 March
    [InlineData("2024-01-01", "2024-04-29", TrendGranularity.Weekly)] // 120 days
    [InlineData("2023-01-01", "2024-12-30", TrendGranularity.Monthly)] // two years
    public async Task An_automatic_trend_cuts_the_range_by_its_length(string? from, string? to, TrendGranularity expected)
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelAnalyticsTests.SixSessions);
        var query = store.Query with
        {
            Trend = TrendGranularity.Automatic,
            From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };
        var trend = (await store.Analytics.FunnelAsync(query)).Trend;

        Assert.All(trend, p => Assert.Equal(expected, p.Granularity));
        Assert.All(trend, p => Assert.False(p.Partial)); // days are whole; the weeks of the 4th and 11th and March lie inside the range
        Assert.Equal(expected switch { TrendGranularity.Daily => 4, TrendGranularity.Weekly => 2, _ => 1 }, trend.Count);
    }

    [Fact]
    public async Task A_period_with_fewer_than_30_landings_is_small_sample_and_one_with_30_is_not()
    {
        // 30 landings on 4 March (one buys, so purchase is tracked), 29 on 5 March.
        var rows = Enumerable.Range(0, 30).Select(i => $"2024-03-04T10:{i:00}:00Z,session_start,a{i},,,,,,desktop,seo,US,")
            .Concat(Enumerable.Range(0, 29).Select(i => $"2024-03-05T10:{i:00}:00Z,session_start,b{i},,,,,,desktop,seo,US,"))
            .Append("2024-03-04T10:59:00Z,purchase,a0,,p1,20,1,o1,desktop,seo,US,");
        await using var store = await AnalyticsStore.CreateAsync(string.Join('\n', rows));
        var trend = (await store.Analytics.FunnelAsync(store.Query with { Trend = TrendGranularity.Daily })).Trend;

        Assert.Equal([30L, 29L], trend.Select(p => p.Funnel.OverallConversion.Total));
        Assert.Equal([false, true], trend.Select(p => p.SmallSample));
        Assert.Equal(30, TrendPeriods.MinSample);
    }
}
