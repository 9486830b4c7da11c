using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>Customer counts, repeat rate, monthly churn, inactivity and cohort retention from a list of orders.</summary>
internal static class ChurnCalculator
{
    /// <summary>The report over <paramref name="orders"/>.</summary>
    /// <param name="orders">The orders in the query's range.</param>
    /// <param name="query">The question asked.</param>
    /// <param name="clock">The store's time zone: its days and months are the report's.</param>
    /// <param name="currency">The store's currency: amounts in it are added, others only counted.</param>
    /// <param name="span">First and last order times of the whole store, for which months the data covers only partly.</param>
    public static CustomerReport Compute(IReadOnlyList<OrderFact> orders, CustomerQuery query, StoreClock clock, string currency, (long First, long Last)? span)
    {
        long cancelled = 0, refunded = 0, anonymous = 0;
        var months = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var lastOrder = new Dictionary<string, long>(StringComparer.Ordinal);
        var orderCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (order.Cancelled || order.FullyRefunded)
            {
                cancelled += order.Cancelled ? 1 : 0;
                refunded += order.Cancelled ? 0 : 1;
                continue;
            }

            if (order.Customer is not { } customer)
            {
                anonymous++;
                continue;
            }

            if (!months.TryGetValue(customer, out var set))
            {
                months[customer] = set = [];
            }

            set.Add(MonthOf(clock.DayOf(order.CreatedUs)));
            orderCount[customer] = orderCount.GetValueOrDefault(customer) + 1;
            lastOrder[customer] = Math.Max(lastOrder.GetValueOrDefault(customer, long.MinValue), order.CreatedUs);
        }

        var customers = months.Count;
        var asOf = query.AsOf ?? (orders.Count > 0 ? clock.DayOf(orders.Max(o => o.CreatedUs)) : null);
        var inactive = asOf is { } day
            ? lastOrder.Values.LongCount(last => clock.DayStartUs(day.AddDays(1)) - last > query.InactiveDays * UtcTime.DayUs)
            : 0;
        return new CustomerReport(
            query,
            orders.Count,
            cancelled,
            refunded,
            anonymous,
            OrderRevenue.Of(orders, currency),
            customers,
            new Proportion(orderCount.Values.LongCount(n => n >= 2), customers),
            new Proportion(inactive, customers),
            asOf,
            Periods(orders, months.Values, query, clock, span),
            Cohorts(months.Values));
    }

    private static List<ChurnPeriod> Periods(IReadOnlyList<OrderFact> orders, IEnumerable<SortedSet<int>> customers, CustomerQuery query,
        StoreClock clock, (long First, long Last)? span)
    {
        if (orders.Count == 0 || span is not { } store)
        {
            return [];
        }

        // The data covers the store's orders from its first order's day to its last order's, within the query's range.
        var firstDay = clock.DayOf(store.First);
        var lastDay = clock.DayOf(store.Last);
        var coverFrom = query.From is { } from && from > firstDay ? from : firstDay;
        var coverTo = query.To is { } to && to < lastDay ? to : lastDay;
        int first = MonthOf(clock.DayOf(orders.Min(o => o.CreatedUs))), last = MonthOf(clock.DayOf(orders.Max(o => o.CreatedUs)));
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
            var end = start.AddMonths(1).AddDays(-1);
            var partial = coverFrom > start || coverTo < end;
            var atStart = m > 0 ? active[m - 1] : 0;
            var reason = partial
                ? $"The data covers only {Day(coverFrom > start ? coverFrom : start)} to {Day(coverTo < end ? coverTo : end)} of this month: a churn rate would count customers who had no time to order."
                : m == 0 ? "No month before it in the data." : null;
            periods.Add(new ChurnPeriod(Label(first + m), partial, active[m], fresh[m], atStart, churned[m],
                reason is null ? new Proportion(churned[m], atStart) : new Proportion(0, 0), reason));
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

    private static int MonthOf(DateOnly day) => day.Year * 12 + day.Month - 1;

    private static DateOnly MonthStart(int month) => new(month / 12, month % 12 + 1, 1);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(int month) => MonthStart(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
