namespace FunnelInsight.Core.Analytics.Segments;

/// <summary>What a period is compared with on the Funnel page.</summary>
public enum ComparedPeriod
{
    /// <summary>The period of the same length just before.</summary>
    Previous,

    /// <summary>The same days a year before (29 February becomes 28 February).</summary>
    Year,

    /// <summary>A range the user gives.</summary>
    Custom,
}

/// <summary>The range a period is compared with, computed in one place for the Funnel page and its tests.</summary>
public static class PeriodComparison
{
    /// <summary>
    /// The range <paramref name="from"/> … <paramref name="to"/> (both included) is compared with: for
    /// <see cref="ComparedPeriod.Previous"/> the same number of days ending the day before <paramref name="from"/>; for
    /// <see cref="ComparedPeriod.Year"/> the same days one year earlier; for <see cref="ComparedPeriod.Custom"/> the given
    /// range. Null when the range is open or reversed, or a custom range is missing or reversed.
    /// </summary>
    public static (DateOnly From, DateOnly To)? RangeOf(DateOnly? from, DateOnly? to, ComparedPeriod compared, DateOnly? customFrom = null, DateOnly? customTo = null)
    {
        if (compared == ComparedPeriod.Custom)
        {
            return customFrom is { } a && customTo is { } b && a <= b ? (a, b) : null;
        }

        if (from is not { } start || to is not { } end || end < start)
        {
            return null;
        }

        if (compared == ComparedPeriod.Year)
        {
            return (start.AddYears(-1), end.AddYears(-1));
        }

        var days = end.DayNumber - start.DayNumber + 1;
        return (start.AddDays(-days), start.AddDays(-1));
    }

    /// <summary>The query of the compared range: the same filters, scope and funnel over the other days, without breakdown or trend.</summary>
    public static FunnelQuery? Other(FunnelQuery query, ComparedPeriod compared, DateOnly? customFrom = null, DateOnly? customTo = null) =>
        RangeOf(query.From, query.To, compared, customFrom, customTo) is var (from, to)
            ? query with { From = from, To = to, Breakdown = null, Trend = TrendGranularity.None }
            : null;
}
