using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Overview;

/// <summary>
/// Builds a store's <see cref="OverviewReport"/> from the engine's answers. The period is the query's date range;
/// a bound left open is taken from the data, and with no range at all it is the last <see cref="DefaultDays"/> days
/// with sessions. Each figure is compared with the period of the same length just before, where that period has
/// data for it (sessions, a rate's total, orders); otherwise the figure has no previous value and says so.
/// </summary>
public sealed class OverviewReporter(IFunnelAnalytics analytics)
{
    /// <summary>Days the overview covers when the query has no date range (four whole weeks).</summary>
    public const int DefaultDays = 28;

    /// <summary>The overview of the query's selection (its breakdown and trend are ignored).</summary>
    public async Task<OverviewReport> ReportAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        var span = await analytics.DimensionsAsync(query.StoreId, cancellationToken);
        var to = query.To ?? span.LastDay;
        var from = query.From ?? (to is { } end ? Max(end.AddDays(1 - DefaultDays), span.FirstDay ?? end) : null);
        var current = query with { From = from, To = to, Breakdown = null, Trend = TrendGranularity.None };
        if (from is not { } start || to is not { } last || last < start)
        {
            return await ComposeAsync(current, null, null, cancellationToken);
        }

        var days = last.DayNumber - start.DayNumber + 1;
        var previous = current with { From = start.AddDays(-days), To = start.AddDays(-1) };
        return await ComposeAsync(current, previous, await PeriodAsync(previous, cancellationToken), cancellationToken);
    }

    private async Task<OverviewReport> ComposeAsync(FunnelQuery query, FunnelQuery? previousQuery, PeriodFigures? previous, CancellationToken cancellationToken)
    {
        var now = await PeriodAsync(query, cancellationToken);
        var leaks = await analytics.LeaksAsync(query, cancellationToken);
        var friction = await analytics.FrictionAsync(query, cancellationToken);
        var customers = await analytics.CustomersAsync(new CustomerQuery(query.StoreId) { To = query.To }, cancellationToken);
        // A month the range covers only partly has no churn rate: the latest whole month with customers at its start.
        var churn = customers.Periods.LastOrDefault(p => p.ChurnRate.HasData);
        var churnBefore = churn is null ? null : customers.Periods.TakeWhile(p => p != churn).LastOrDefault(p => p.ChurnRate.HasData);
        var tracked = now.Funnel.Tracked;
        FunnelStage? Missing(params FunnelStage[] stages) => stages.Cast<FunnelStage?>().FirstOrDefault(stage => !tracked.Contains(stage!.Value));
        // A figure is compared only with a period that has something behind it: sessions for the session figures, a
        // total for a rate, sessions or orders for revenue. "+3,012 sessions" against a period before the data starts
        // says nothing about the store.
        var sessionsBefore = previous is { Funnel.Landed: > 0 };
        double? RateBefore(Func<Funnel.FunnelSegment, Proportion> rate) => previous is not null && rate(previous.Funnel).HasData ? rate(previous.Funnel).Value : null;
        HeadlineFigure Compared(string key, double value, double? before, Proportion? rate, ReferenceFigure? reference, FunnelStage? notTracked = null) =>
            new(key, value, before, rate, reference, notTracked) { EmptyBefore = previous is not null && before is null };
        HeadlineFigure[] figures =
        [
            Compared("sessions", now.Funnel.Landed, sessionsBefore ? previous!.Funnel.Landed : null, null, null),
            Compared("overall_conversion", now.Funnel.OverallConversion.Value, RateBefore(f => f.OverallConversion), now.Funnel.OverallConversion, ReferenceFigures.PurchaseShare,
                Missing(FunnelStage.Purchase)),
            Compared("cart_abandonment", now.Funnel.CartAbandonment.Value, RateBefore(f => f.CartAbandonment), now.Funnel.CartAbandonment, ReferenceFigures.BaymardCartAbandonment,
                Missing(FunnelStage.Cart, FunnelStage.Purchase)),
            Compared("checkout_abandonment", now.Funnel.CheckoutAbandonment.Value, RateBefore(f => f.CheckoutAbandonment), now.Funnel.CheckoutAbandonment, null,
                Missing(FunnelStage.Checkout, FunnelStage.Purchase)),
            Compared("revenue", now.Revenue, previous is { } p && (sessionsBefore || p.Revenue > 0) ? p.Revenue : null, null, null),
            Compared("abandoned_cart_value", now.AbandonedCartValue, sessionsBefore ? previous!.AbandonedCartValue : null, null, null, Missing(FunnelStage.Cart, FunnelStage.Purchase)),
            // Churn is compared month with month, not with the period before.
            new("churn", churn?.ChurnRate.Value ?? 0, churnBefore?.ChurnRate.Value, churn?.ChurnRate, null),
        ];
        var hasEvents = (await analytics.DimensionsAsync(query.StoreId, cancellationToken)).FirstDay is not null;
        return new OverviewReport(query, previousQuery?.From, previousQuery?.To, figures,
            leaks.ByLostRevenue.Where(l => l.Lost > 0).Take(3).ToList(), friction.Flags.Take(3).ToList(), churn?.Period, hasEvents)
        {
            PreviousHasSessions = sessionsBefore,
        };
    }

    private async Task<PeriodFigures> PeriodAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var funnel = await analytics.FunnelAsync(query, cancellationToken);
        var abandonment = await analytics.AbandonmentAsync(query, 0, cancellationToken);
        var customers = await analytics.CustomersAsync(new CustomerQuery(query.StoreId) { From = query.From, To = query.To }, cancellationToken);
        return new PeriodFigures(funnel.Total, customers.Revenue, abandonment.AbandonedCartValue);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record PeriodFigures(Funnel.FunnelSegment Funnel, double Revenue, double AbandonedCartValue);
}
