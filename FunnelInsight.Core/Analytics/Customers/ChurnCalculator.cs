using System.Globalization;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>Customer counts, repeat rate, monthly churn, inactivity and cohort retention from a list of orders.</summary>
internal static class ChurnCalculator
{
    private const long DayUs = 86_400_000_000;

    public static CustomerReport Compute(IReadOnlyList<OrderFact> orders, CustomerQuery query)
    {
        long cancelled = 0, anonymous = 0, paid = 0;
        double revenue = 0;
        var months = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var lastOrder = new Dictionary<string, long>(StringComparer.Ordinal);
        var orderCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (order.Cancelled)
            {
                cancelled++;
                continue;
            }

            paid++;
            revenue += order.Total;
            if (order.Customer is not { } customer)
            {
                anonymous++;
                continue;
            }

            if (!months.TryGetValue(customer, out var set))
            {
                months[customer] = set = [];
            }

            set.Add(MonthOf(order.CreatedUs));
            orderCount[customer] = orderCount.GetValueOrDefault(customer) + 1;
            lastOrder[customer] = Math.Max(lastOrder.GetValueOrDefault(customer, long.MinValue), order.CreatedUs);
        }

        var customers = months.Count;
        var asOf = query.AsOf ?? (orders.Count > 0 ? SessionSelection.DayOf(orders.Max(o => o.CreatedUs)) : null);
        var inactive = asOf is { } day
            ? lastOrder.Values.LongCount(last => SessionSelection.DayStartUs(day.AddDays(1)) - last > query.InactiveDays * DayUs)
            : 0;
        return new CustomerReport(
            query,
            orders.Count,
            cancelled,
            anonymous,
            revenue,
            paid > 0 ? revenue / paid : 0,
            customers,
            new Proportion(orderCount.Values.LongCount(n => n >= 2), customers),
            new Proportion(inactive, customers),
            asOf,
            Periods(orders, months.Values, query),
            Cohorts(months.Values));
    }

    private static List<ChurnPeriod> Periods(IReadOnlyList<OrderFact> orders, IEnumerable<SortedSet<int>> customers, CustomerQuery query)
    {
        if (orders.Count == 0)
        {
            return [];
        }

        // The data covers the query's range where given, else from the first order's day to the last order's day.
        var coverFrom = query.From ?? SessionSelection.DayOf(orders.Min(o => o.CreatedUs));
        var coverTo = query.To ?? SessionSelection.DayOf(orders.Max(o => o.CreatedUs));
        int first = MonthOf(coverFrom), last = MonthOf(coverTo);
        var active = new long[last - first + 1];
        var fresh = new long[active.Length];
        var churned = new long[active.Length];
        foreach (var set in customers)
        {
            fresh[set.Min - first]++;
            foreach (var month in set)
            {
                active[month - first]++;
                if (month < last && !set.Contains(month + 1))
                {
                    churned[month + 1 - first]++;
                }
            }
        }

        var periods = new List<ChurnPeriod>(active.Length);
        for (var m = 0; m < active.Length; m++)
        {
            var start = MonthStart(first + m);
            var partial = coverFrom > start || coverTo < start.AddMonths(1).AddDays(-1);
            var atStart = m > 0 ? active[m - 1] : 0;
            periods.Add(new ChurnPeriod(Label(first + m), partial, active[m], fresh[m], atStart, churned[m], new Proportion(churned[m], atStart)));
        }

        return periods;
    }

    private static List<CohortRow> Cohorts(IEnumerable<SortedSet<int>> customers)
    {
        var cohorts = new SortedDictionary<int, List<SortedSet<int>>>();
        var last = int.MinValue;
        foreach (var set in customers)
        {
            if (!cohorts.TryGetValue(set.Min, out var members))
            {
                cohorts[set.Min] = members = [];
            }

            members.Add(set);
            last = Math.Max(last, set.Max);
        }

        return cohorts.Select(pair =>
        {
            var retention = new Proportion[last - pair.Key + 1];
            for (var m = 0; m < retention.Length; m++)
            {
                retention[m] = new Proportion(pair.Value.LongCount(set => set.Contains(pair.Key + m)), pair.Value.Count);
            }

            return new CohortRow(Label(pair.Key), pair.Value.Count, retention);
        }).ToList();
    }

    private static int MonthOf(long us) => MonthOf(SessionSelection.DayOf(us));

    private static int MonthOf(DateOnly day) => day.Year * 12 + day.Month - 1;

    private static DateOnly MonthStart(int month) => new(month / 12, month % 12 + 1, 1);

    private static string Label(int month) => MonthStart(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
