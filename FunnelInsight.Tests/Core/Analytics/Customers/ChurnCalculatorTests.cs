using FunnelInsight.Core.Analytics.Customers;

namespace FunnelInsight.Tests.Core.Analytics.Customers;

public class ChurnCalculatorTests : EventEngineTests
{
    // alice orders twice, both in January; carol's March order is cancelled; o7 has no customer.
    private const string NineOrders = """
        o1,alice,,2024-01-05T10:00:00Z,,,,,100,USD,paid,
        o2,alice,,2024-01-20T10:00:00Z,,,,,50,USD,paid,
        o3,bob,,2024-01-10T10:00:00Z,,,,,80,USD,paid,
        o4,bob,,2024-02-15T10:00:00Z,,,,,20,USD,paid,
        o5,carol,,2024-02-03T10:00:00Z,,,,,40,USD,paid,
        o6,carol,,2024-03-28T10:00:00Z,,,,,60,USD,cancelled,
        o7,,,2024-03-01T10:00:00Z,,,,,30,USD,paid,
        o8,dave,,2024-03-10T10:00:00Z,,,,,10,USD,paid,
        o9,bob,,2024-03-31T10:00:00Z,,,,,30,USD,paid,
        """;

    private async Task<CustomerReport> ReportAsync(CustomerQuery? query = null)
    {
        await using var store = await StoreAsync(null, NineOrders);
        return await store.Analytics.CustomersAsync(query is null ? new CustomerQuery(store.StoreId) : query with { StoreId = store.StoreId });
    }

    [ProviderFact]
    public async Task Cancelled_and_anonymous_orders_count_as_orders_but_in_no_customer_figure()
    {
        var report = await ReportAsync();

        Assert.Equal((9L, 1L, 1L), (report.Orders, report.CancelledOrders, report.AnonymousOrders));
        Assert.Equal(360, report.Revenue);
        Assert.Equal(45, report.AverageOrderValue);
        Assert.Equal(4, report.Customers);
        Assert.Equal((2L, 4L), (report.RepeatPurchaseRate.Count, report.RepeatPurchaseRate.Total));
    }

    [ProviderFact]
    public async Task Monthly_churn_is_customers_lost_over_customers_active_the_month_before()
    {
        var periods = (await ReportAsync()).Periods;

        Assert.Equal(["2024-01", "2024-02", "2024-03"], periods.Select(p => p.Period));
        Assert.Equal([true, false, false], periods.Select(p => p.Partial));
        Assert.Equal([2L, 2L, 2L], periods.Select(p => p.ActiveCustomers));
        Assert.Equal([2L, 1L, 1L], periods.Select(p => p.NewCustomers));
        Assert.Equal([0L, 2L, 2L], periods.Select(p => p.ActiveAtStart));
        Assert.Equal([0L, 1L, 1L], periods.Select(p => p.Churned));
        Assert.False(periods[0].ChurnRate.HasData);
        Assert.Equal(0.5, periods[1].ChurnRate.Value);
    }

    [ProviderFact]
    public async Task A_customer_whose_orders_fall_in_one_month_repeats_and_then_churns()
    {
        var report = await ReportAsync(new CustomerQuery(0) { To = new DateOnly(2024, 2, 29) });

        Assert.Equal((2L, 3L), (report.RepeatPurchaseRate.Count, report.RepeatPurchaseRate.Total));
        Assert.Equal((1L, 2L), (report.Periods[1].Churned, report.Periods[1].ActiveAtStart));
        Assert.False(report.Periods[1].Partial);
    }

    [ProviderFact]
    public async Task Inactive_customers_are_those_whose_last_order_is_older_than_n_days()
    {
        var byDefault = await ReportAsync();
        var sixtyDays = await ReportAsync(new CustomerQuery(0) { InactiveDays = 60 });

        Assert.Equal(new DateOnly(2024, 3, 31), byDefault.AsOf);
        Assert.Equal(0, byDefault.Inactive.Count);
        Assert.Equal((1L, 4L), (sixtyDays.Inactive.Count, sixtyDays.Inactive.Total));
    }

    [ProviderFact]
    public async Task Cohort_retention_gives_each_first_order_month_its_share_ordering_later()
    {
        var cohorts = (await ReportAsync()).Cohorts;

        Assert.Equal(["2024-01", "2024-02", "2024-03"], cohorts.Select(c => c.Cohort));
        Assert.Equal([1.0, 0.5, 0.5], cohorts[0].Retention.Select(r => r.Value));
        Assert.Equal([1.0, 0.0], cohorts[1].Retention.Select(r => r.Value));
        Assert.Equal(1, cohorts[2].Customers);
    }

    [ProviderFact]
    public async Task A_store_without_orders_has_no_periods_and_no_rates()
    {
        await using var store = await StoreAsync(null);
        var report = await store.Analytics.CustomersAsync(new CustomerQuery(store.StoreId));

        Assert.Equal(0, report.Orders);
        Assert.Empty(report.Periods);
        Assert.Null(report.AsOf);
        Assert.False(report.RepeatPurchaseRate.HasData);
    }
}

/// <summary>The same hand-computed order fixtures on PostgreSQL + ClickHouse.</summary>
public sealed class ChurnCalculatorOnPostgresAndClickHouseTests : ChurnCalculatorTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();
}
