using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Analytics.Overview;

namespace FunnelInsight.Tests.Core.Analytics.Overview;

public class OverviewReporterTests : EventEngineTests
{
    // c3 orders in February only, so March churns one of one customer; c1 orders twice in March, and again in April.
    private const string Orders = """
        o0,c3,,2024-02-10T10:00:00Z,30,0,0,0,30,USD,paid,
        o1,c1,,2024-03-04T10:20:00Z,40,0,0,0,40,USD,paid,
        o4,c2,,2024-03-05T12:03:00Z,50,0,0,0,50,USD,paid,
        o5,c1,,2024-03-11T10:05:00Z,10,0,0,0,10,USD,paid,
        o6,c1,,2024-04-01T09:00:00Z,25,0,0,0,25,USD,paid,
        """;

    private Task<AnalyticsStore> StoreAsync() => StoreAsync(FunnelAnalyticsTests.SixSessions, Orders);

    // 3-8…3-12 holds s5 (buys) and s6 (no cart in order); 3-3…3-7 holds s1 (buys), s2 and s3 (carts left) and
    // s4 (a purchase with no product view, so not a purchase in the ordered funnel).
    [ProviderFact]
    public async Task A_range_is_compared_with_the_same_number_of_days_just_before_it()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query with { From = new(2024, 3, 8), To = new(2024, 3, 12) });

        Assert.Equal((new DateOnly(2024, 3, 3), new DateOnly(2024, 3, 7)), (report.PreviousFrom!.Value, report.PreviousTo!.Value));
        Assert.True(report.PreviousHasSessions);
        Assert.DoesNotContain(report.Figures, f => f.EmptyBefore);
        Assert.Equal((2, 4.0), (report["sessions"].Value, report["sessions"].Previous!.Value));
        Assert.Equal((0.5, 0.25), (report["overall_conversion"].Value, report["overall_conversion"].Previous!.Value));
        Assert.Equal((0.0, 2.0 / 3), (report["cart_abandonment"].Value, report["cart_abandonment"].Previous!.Value));
        Assert.Equal((10.0, 90.0), (report["revenue"].Value, report["revenue"].Previous!.Value));
        Assert.Equal((0.0, 45.0), (report["abandoned_cart_value"].Value, report["abandoned_cart_value"].Previous!.Value));
        Assert.Equal(-80.0, report["revenue"].Change);
    }

    [ProviderFact]
    public async Task Rates_stand_beside_their_reference_figures()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.Same(ReferenceFigures.PurchaseShare, report["overall_conversion"].Reference);
        Assert.Same(ReferenceFigures.BaymardCartAbandonment, report["cart_abandonment"].Reference);
        Assert.Equal((2L, 6L), (report["overall_conversion"].Rate!.Count, report["overall_conversion"].Rate!.Total));
    }

    [ProviderFact]
    public async Task Without_a_range_the_overview_covers_the_days_with_sessions_up_to_four_weeks()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.Equal((new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 12)), (report.Query.From!.Value, report.Query.To!.Value));
        Assert.Equal(new DateOnly(2024, 2, 24), report.PreviousFrom);
        Assert.Equal(6, report["sessions"].Value);
        Assert.Equal(100.0, report["revenue"].Value);
    }

    // 2-24…3-3 is before the first session (3-4) and holds no order (c3's is on 2-10): nothing to compare with.
    [ProviderFact]
    public async Task A_period_before_without_sessions_or_orders_leaves_every_figure_without_a_change()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.False(report.PreviousHasSessions);
        Assert.Equal((new DateOnly(2024, 2, 24), new DateOnly(2024, 3, 3)), (report.PreviousFrom!.Value, report.PreviousTo!.Value));
        var compared = report.Figures.Where(f => f.Key != "churn").ToList();
        Assert.Equal(6, compared.Count);
        Assert.All(compared, f => Assert.Equal((null, true), (f.Change, f.EmptyBefore)));
        Assert.False(report["churn"].EmptyBefore); // compared month with month, not with the period before
    }

    // 1-19…2-14 (the 27 days before 2-15…3-12) holds no session but c3's order of 30 on 2-10: revenue is compared,
    // the session figures and rates are not.
    [ProviderFact]
    public async Task A_period_before_with_orders_and_no_sessions_compares_only_the_revenue()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query with { From = new(2024, 2, 15), To = new(2024, 3, 12) });

        Assert.False(report.PreviousHasSessions);
        Assert.Equal((new DateOnly(2024, 1, 19), new DateOnly(2024, 2, 14)), (report.PreviousFrom!.Value, report.PreviousTo!.Value));
        Assert.Equal((100.0, 70.0, false), (report["revenue"].Value, report["revenue"].Change!.Value, report["revenue"].EmptyBefore));
        Assert.Equal(["abandoned_cart_value", "cart_abandonment", "checkout_abandonment", "overall_conversion", "sessions"],
            report.Figures.Where(f => f.EmptyBefore).Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task A_month_the_range_covers_only_partly_gives_the_overview_no_churn()
    {
        await using var store = await StoreAsync();

        // The range ends on 12 March: March is partial, and February (from the 10th) too.
        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.Null(report.ChurnPeriod);
        Assert.Null(report["churn"].Rate);
    }

    [ProviderFact]
    public async Task Churn_is_the_latest_whole_month_with_customers_at_its_start()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query with { From = new(2024, 3, 1), To = new(2024, 3, 31) });

        Assert.Equal("2024-03", report.ChurnPeriod);
        Assert.Equal(1.0, report["churn"].Value);
        Assert.Null(report["churn"].Previous);
    }

    [ProviderFact]
    public async Task Top_leaks_are_the_ones_that_lost_sessions_most_revenue_first()
    {
        await using var store = await StoreAsync();

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query with { From = new(2024, 3, 8) });

        var leak = Assert.Single(report.TopLeaks);
        Assert.Equal(("product_to_cart", 1L), (leak.Key, leak.Lost));
    }

    [ProviderFact]
    public async Task An_empty_store_gives_an_empty_overview_with_nothing_to_compare()
    {
        await using var store = await StoreAsync(null);

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.True(report.IsEmpty);
        Assert.Null(report.PreviousFrom);
        Assert.Empty(report.TopLeaks);
        Assert.Empty(report.TopFlags);
    }

    [ProviderFact]
    public async Task A_store_with_orders_and_no_events_is_orders_only_and_its_funnel_figures_are_not_tracked()
    {
        await using var store = await StoreAsync(null, Orders);

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.True(report.OrdersOnly);
        Assert.False(report.IsEmpty);
        // With no sessions there is no default period: every order counts, 30 + 40 + 50 + 10 + 25.
        Assert.Equal(155.0, report["revenue"].Value);
        Assert.Equal(FunnelStage.Purchase, report["overall_conversion"].NotTracked);
        Assert.Equal(FunnelStage.Checkout, report["checkout_abandonment"].NotTracked);
    }

    [ProviderFact]
    public async Task Checkout_abandonment_is_not_tracked_where_the_events_never_send_checkout()
    {
        await using var store = await StoreAsync(CheckoutFixtures.CartsWithoutCheckout);

        var report = await new OverviewReporter(store.Analytics).ReportAsync(store.Query);

        Assert.False(report.OrdersOnly);
        Assert.Equal(FunnelStage.Checkout, report["checkout_abandonment"].NotTracked);
        Assert.Equal((0.5, (FunnelStage?)null), (report["cart_abandonment"].Value, report["cart_abandonment"].NotTracked));
        Assert.Equal(["cart_to_purchase"], report.TopLeaks.Select(l => l.Key).Order(StringComparer.Ordinal));
    }
}

/// <summary>The same overview fixtures on PostgreSQL + ClickHouse.</summary>
public sealed class OverviewReporterOnPostgresAndClickHouseTests : OverviewReporterTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();
}
