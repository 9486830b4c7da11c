namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>The sessions a query's date range and filters select, as positions in a <see cref="SessionTable"/>.</summary>
internal static class SessionSelection
{
    /// <summary>Positions of the selected sessions, in start order; the query's days are the store's (<see cref="SessionTable.Clock"/>).</summary>
    public static int[] Select(SessionTable table, FunnelQuery query)
    {
        var lo = query.From is { } from ? table.LowerBound(table.Clock.DayStartUs(from)) : 0;
        var hi = query.To is { } to ? table.LowerBound(table.Clock.DayStartUs(to.AddDays(1))) : table.Count;
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
