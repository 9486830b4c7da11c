namespace FunnelInsight.Core.Analytics;

/// <summary>
/// How a trend cuts time into periods: which interval suits a range, where a period starts and ends, and when a
/// period is too thin to read.
/// </summary>
public static class TrendPeriods
{
    /// <summary>Longest range (in days, both ends counted) drawn day by day.</summary>
    public const int MaxDailyDays = 60;

    /// <summary>Longest range (in days, both ends counted) drawn week by week; longer ranges are drawn by month.</summary>
    public const int MaxWeeklyDays = 366;

    /// <summary>
    /// Fewest units at a rate's denominator for the rate to be read on its own: below it a period is marked small-sample
    /// (a 95% interval over fewer than 30 units is wider than ±15 points around 50%).
    /// </summary>
    public const long MinSample = 30;

    /// <summary>The interval for a range from <paramref name="first"/> to <paramref name="last"/> (inclusive): daily up to 60 days, weekly up to 366, monthly beyond.</summary>
    public static TrendGranularity IntervalFor(DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        return days <= MaxDailyDays ? TrendGranularity.Daily : days <= MaxWeeklyDays ? TrendGranularity.Weekly : TrendGranularity.Monthly;
    }

    /// <summary>The first day of the period holding <paramref name="day"/>: the day, the Monday of its week, or the first of its month.</summary>
    public static DateOnly StartOf(DateOnly day, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Weekly => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TrendGranularity.Monthly => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The last day (inclusive) of the period starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Weekly => start.AddDays(6),
        TrendGranularity.Monthly => start.AddMonths(1).AddDays(-1),
        _ => start,
    };

    /// <summary>True when fewer than <see cref="MinSample"/> units stand behind <paramref name="rate"/>.</summary>
    public static bool IsSmallSample(Statistics.Proportion rate) => rate.Total < MinSample;
}
