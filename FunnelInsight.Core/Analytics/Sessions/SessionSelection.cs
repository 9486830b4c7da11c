namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>The sessions a query's date range and filters select, as positions in a <see cref="SessionTable"/>.</summary>
internal static class SessionSelection
{
    private const long DayUs = 86_400_000_000;

    /// <summary>Positions of the selected sessions, in start order.</summary>
    public static int[] Select(SessionTable table, FunnelQuery query)
    {
        var lo = query.From is { } from ? table.LowerBound(DayStartUs(from)) : 0;
        var hi = query.To is { } to ? table.LowerBound(DayStartUs(to) + DayUs) : table.Count;
        var filters = new bool[]?[3];
        for (var d = 0; d < 3; d++)
        {
            filters[d] = table.Dimensions[d].Matching(query.Filter((FunnelDimension)d));
        }

        var selected = new List<int>(Math.Max(0, hi - lo));
        for (var i = lo; i < hi; i++)
        {
            if (Passes(table, filters, i))
            {
                selected.Add(i);
            }
        }

        return [.. selected];
    }

    /// <summary>Microseconds since the Unix epoch at the start of <paramref name="day"/> (UTC).</summary>
    public static long DayStartUs(DateOnly day) => (long)day.DayNumber * DayUs - UnixEpochDayNumber * DayUs;

    /// <summary>The UTC day a time falls on (a stored time outside 1900 … 2200 on the nearest of those days).</summary>
    public static DateOnly DayOf(long us) => DateOnly.FromDayNumber((int)(Math.Floor(UtcTime.Readable(us) / (double)DayUs) + UnixEpochDayNumber));

    private static readonly long UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private static bool Passes(SessionTable table, bool[]?[] filters, int i)
    {
        for (var d = 0; d < 3; d++)
        {
            if (filters[d] is { } allowed && !allowed[table.Dimensions[d].Codes[i]])
            {
                return false;
            }
        }

        return true;
    }
}
