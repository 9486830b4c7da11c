using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Analytics.Drilldown;
using FunnelInsight.Core.Analytics.DropOff;
using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Funnel.Defined;
using FunnelInsight.Core.Analytics.Leaks;
using FunnelInsight.Core.Analytics.Segments;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics;

/// <summary>
/// <see cref="IFunnelAnalytics"/> over the event store's session rollups: each store's rollups are loaded once per data
/// version into memory columns, and every query is a pass over them (no rescan of raw events).
/// </summary>
public sealed class FunnelAnalytics(FunnelDatabase database) : IFunnelAnalytics
{
    private readonly SessionTableCache _tables = new(database);

    /// <inheritdoc />
    public void Forget(int storeId) => _tables.Forget(storeId);

    /// <summary>True while the store's sessions are held in memory (for tests of <see cref="Forget"/>).</summary>
    internal bool Holds(int storeId) => _tables.Holds(storeId);

    /// <inheritdoc />
    public async Task<FunnelReport> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        var (table, settings) = await _tables.GetAsync(query.StoreId, cancellationToken);
        if (query.Steps is not null)
        {
            return await DefinedFunnelAsync(query, table, settings, cancellationToken);
        }

        var selected = SessionSelection.Select(table, query);
        var units = query.Scope == FunnelScope.Visitor
            ? VisitorFunnel.Build(table, await _tables.VisitorsAsync(query.StoreId, table, cancellationToken), selected, query,
                VisitorWindowUs(query, settings))
            : FunnelUnits.FromSessions(table, selected, query);
        var groupValues = query.Breakdown is { } dimension ? table.Dimensions[(int)dimension].Values : [];
        var (total, breakdown, trend) = FunnelCalculator.Count(units, query, groupValues, table.Tracked, table.Clock);
        return new FunnelReport(query, total, breakdown, trend, TimeToConvertCalculator.Compute(table, selected));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventNameCount>> EventNamesAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await _tables.GetAsync(storeId, cancellationToken);
        return await database.Events.EventNamesAsync(storeId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LeakReport> LeaksAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        var (table, _) = await _tables.GetAsync(query.StoreId, cancellationToken);
        var selected = SessionSelection.Select(table, query);
        return LeakRanking.Rank(table, selected, query, await AverageOrderValueAsync(table, selected, query, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<DropOffReport> DropOffAsync(FunnelQuery query, FunnelStage stage, CancellationToken cancellationToken = default)
    {
        var (table, settings) = await _tables.GetAsync(query.StoreId, cancellationToken);
        return query.Scope == FunnelScope.Visitor
            ? DropOffReader.Read(table, query, stage, await _tables.VisitorsAsync(query.StoreId, table, cancellationToken),
                VisitorWindowUs(query, settings))
            : DropOffReader.Read(table, query, stage);
    }

    /// <inheritdoc />
    public async Task<LostSessionsReport> LostSessionsAsync(FunnelQuery query, FunnelStage stage, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(stage, FunnelStage.Landing);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        var (table, _) = await _tables.GetAsync(query.StoreId, cancellationToken);
        var before = table.Tracked.Previous(stage) ?? FunnelStage.Landing;
        if (!table.Tracked.Contains(stage))
        {
            // An untracked stage loses no one (the drop-off panel's rule).
            return new LostSessionsReport(query, stage, before, 0, 1, pageSize, table.Clock.Name, []);
        }

        var filters = Enumerable.Range(0, 3).Select(d => query.Filter((FunnelDimension)d) is { } value ? table.Dimensions[d].Spellings(value) : null).ToList();
        var engine = new Events.LostSessionQuery(query.StoreId,
            query.From is { } from ? table.Clock.DayStartUs(from) : null,
            query.To is { } to ? table.Clock.DayStartUs(to.AddDays(1)) : null,
            filters, query.Mode, (int)before, (int)stage, (page - 1) * pageSize, pageSize);
        var found = await database.Events.LostSessionsAsync(engine, cancellationToken);
        var last = (int)Math.Max(1, (found.Total + pageSize - 1) / pageSize);
        if (page > last)
        {
            page = last;
            found = await database.Events.LostSessionsAsync(engine with { Offset = (page - 1) * pageSize }, cancellationToken);
        }

        var sessions = found.Sessions.Select(s => new LostSession(s.Keys.Session, s.Keys.Visitor, SessionTimelineBuilder.Local(table.Clock, s.Keys.StartUs),
            TimeSpan.FromMicroseconds(s.Keys.EndUs - s.Keys.StartUs), s.EventCount, s.LastEventName, s.CartValue, s.Device, s.Channel, s.Country)).ToList();
        return new LostSessionsReport(query, stage, before, found.Total, page, pageSize, table.Clock.Name, sessions);
    }

    /// <inheritdoc />
    public async Task<SessionTimeline?> SessionTimelineAsync(int storeId, string sessionKey, CancellationToken cancellationToken = default)
    {
        var (table, _) = await _tables.GetAsync(storeId, cancellationToken);
        var session = await database.Events.SessionEventsAsync(storeId, sessionKey, cancellationToken);
        if (session is null)
        {
            return null;
        }

        StageMap map;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            map = SessionRules.Read(connection, null, storeId)?.Map ?? throw new ArgumentException($"Store {storeId} does not exist.", nameof(storeId));
        }

        var timeline = SessionTimelineBuilder.Build(storeId, session, map, table.Tracked, table.Clock);
        var (others, total) = VisitorSessionsReader.Others(table, await _tables.VisitorsAsync(storeId, table, cancellationToken), session.Id);
        if (others.Count == 0)
        {
            return timeline;
        }

        var keys = await database.Events.SessionDetailsAsync(storeId, [.. others.Select(i => table.RowId[i])], cancellationToken);
        var listed = others.Where(i => keys.ContainsKey(table.RowId[i])).Select(i =>
        {
            var k = keys[table.RowId[i]];
            return new VisitorSession(k.Session, SessionTimelineBuilder.Local(table.Clock, k.StartUs), TimeSpan.FromMicroseconds(k.EndUs - k.StartUs), VisitorSessionsReader.Reached(table, i));
        }).ToList();
        return timeline with { OtherSessions = listed, OtherSessionCount = total };
    }

    /// <inheritdoc />
    public async Task<StoreDimensions> DimensionsAsync(int storeId, CancellationToken cancellationToken = default)
    {
        var (table, _) = await _tables.GetAsync(storeId, cancellationToken);
        var values = (FunnelDimension d) => table.Dimensions[(int)d].Values.OfType<string>().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var day = (int i) => table.Count == 0 ? (DateOnly?)null : table.Clock.DayOf(table.StartUs[i]);
        return new StoreDimensions(values(FunnelDimension.Device), values(FunnelDimension.Channel), values(FunnelDimension.Country),
            day(0), day(table.Count - 1));
    }

    /// <inheritdoc />
    public async Task<AbandonmentReport> AbandonmentAsync(FunnelQuery query, int? maxSessions = null, CancellationToken cancellationToken = default)
    {
        var (table, _) = await _tables.GetAsync(query.StoreId, cancellationToken);
        var selected = SessionSelection.Select(table, query);
        var (cart, checkout, cartValue, checkoutValue, abandoned) = AbandonmentCalculator.Compute(table, selected, query.Mode);
        var sessions = await RecoveryLinesAsync(query, table, abandoned.Take(maxSessions ?? int.MaxValue).ToList(), cancellationToken);
        return new AbandonmentReport(query, cart, checkout, cartValue, checkoutValue, sessions, table.Tracked);
    }

    /// <inheritdoc />
    public async Task<RecoveryPage> RecoveryListAsync(FunnelQuery query, RecoveryOrder order = RecoveryOrder.Value, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        var (table, _) = await _tables.GetAsync(query.StoreId, cancellationToken);
        var abandoned = AbandonmentCalculator.Compute(table, SessionSelection.Select(table, query), query.Mode).Abandoned;
        AbandonmentCalculator.Sort(table, abandoned, order);
        page = Math.Min(page, Math.Max(1, (abandoned.Count + pageSize - 1) / pageSize));
        var listed = abandoned.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new RecoveryPage(query, order, abandoned.Count, page, pageSize, await RecoveryLinesAsync(query, table, listed, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<CustomerReport> CustomersAsync(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        var (_, settings) = await _tables.GetAsync(query.StoreId, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var currency = await StoreCurrency.ResolveAsync(connection, query.StoreId, settings.ChosenCurrency, cancellationToken);
        var orders = await OrderFactReader.ReadAsync(connection, query, settings.Clock, cancellationToken);
        var span = await OrderFactReader.SpanAsync(connection, query.StoreId, cancellationToken);
        return ChurnCalculator.Compute(orders, query, settings.Clock, currency, span);
    }

    /// <inheritdoc />
    public async Task<SegmentComparison> CompareAsync(FunnelQuery first, FunnelQuery second, CancellationToken cancellationToken = default)
    {
        if (first.StoreId != second.StoreId)
        {
            throw new ArgumentException("Segments are compared within one store.", nameof(second));
        }

        var plain = (FunnelQuery q) => q with { Breakdown = null, Trend = TrendGranularity.None };
        var a = await FunnelAsync(plain(first), cancellationToken);
        var b = await FunnelAsync(plain(second), cancellationToken);
        return SegmentComparison.Of(a.Total, b.Total);
    }

    /// <inheritdoc />
    public async Task<FrictionReport> FrictionAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        var sessions = query with { Mode = FunnelMode.Ordered, Scope = FunnelScope.Session, Breakdown = null, Trend = TrendGranularity.None };
        var (table, _) = await _tables.GetAsync(query.StoreId, cancellationToken);
        var selected = SessionSelection.Select(table, sessions);
        var aov = await AverageOrderValueAsync(table, selected, sessions, cancellationToken);
        var leaks = LeakRanking.Rank(table, selected, sessions, aov);
        await using var connection = await database.OpenAsync(cancellationToken);
        var extraCosts = await OrderCostReader.MedianExtraCostShareAsync(connection, sessions, table.Clock, cancellationToken);
        var evidence = FrictionEvidenceCollector.Collect(table, selected, leaks, extraCosts);
        var funnel = await FunnelAsync(sessions, cancellationToken);
        var customers = await CustomersAsync(new CustomerQuery(query.StoreId) { From = query.From, To = query.To }, cancellationToken);
        return new FrictionReport(query, FrictionDetector.Detect(evidence, aov, customers.Sales.Currency),
            ReferenceComparisons.For(funnel.Total, evidence.CartAbandonment, customers.RepeatPurchaseRate));
    }

    /// <inheritdoc />
    public async Task WarmAsync(int storeId, CancellationToken cancellationToken = default) =>
        await _tables.GetAsync(storeId, cancellationToken);

    // A user-defined funnel is counted by the engine over the raw events; the selection, the names each step matches and
    // the breakdown's grouping come from the same places as the stage funnel's.
    private async Task<FunnelReport> DefinedFunnelAsync(FunnelQuery query, SessionTable table, Sessions.ReportSettings settings, CancellationToken cancellationToken)
    {
        StageMap map;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            map = SessionRules.Read(connection, null, query.StoreId)?.Map ?? throw new ArgumentException($"Store {query.StoreId} does not exist.", nameof(query));
        }

        var names = await database.Events.EventNamesAsync(query.StoreId, cancellationToken);
        var plan = DefinedFunnelPlan.For(query, table, map, names, settings.ConversionWindowHours);
        var rows = await Task.Run(() => database.Events.FunnelOverEventsAsync(plan.Engine, cancellationToken), cancellationToken);
        return DefinedFunnelCounter.Count(query, plan, rows, table);
    }

    // The recovery list's lines of the abandoned carts at table positions listed, with the keys and
    // times the memory columns leave out.
    private async Task<List<AbandonedSession>> RecoveryLinesAsync(FunnelQuery query, SessionTable table, List<int> listed, CancellationToken cancellationToken)
    {
        var details = await database.Events.SessionDetailsAsync(query.StoreId, listed.ConvertAll(i => table.RowId[i]), cancellationToken);
        return listed.ConvertAll(i =>
        {
            var (session, visitor, startUs, endUs) = details[table.RowId[i]];
            var lastStage = AbandonmentCalculator.LastStageName(table.StageMask(i, query.Mode));
            return new AbandonedSession(session, visitor, lastStage,
                lastStage == "checkout" ? AbandonmentCalculator.StepName(table.LastStep[i]) : null,
                table.CartValue[i], table.CartItems[i], UtcTime.FromMicros(startUs), UtcTime.FromMicros(endUs));
        });
    }

    // A visitor's conversion window: the query's, or the store's setting.
    private static long VisitorWindowUs(FunnelQuery query, Sessions.ReportSettings settings) =>
        (long)(query.WindowHours ?? settings.ConversionWindowHours) * UtcTime.HourUs;

    // The orders' average is net of refunds and in the store's currency: the customer report's.
    private Task<double> AverageOrderValueAsync(SessionTable table, int[] selected, FunnelQuery query, CancellationToken cancellationToken) =>
        OrderValue.AverageOrderValue.ForEstimatesAsync(table, selected, async () =>
            (await CustomersAsync(new CustomerQuery(query.StoreId) { From = query.From, To = query.To }, cancellationToken)).AverageOrderValue);
}
