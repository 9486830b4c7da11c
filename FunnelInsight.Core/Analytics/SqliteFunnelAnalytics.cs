using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Analytics;

/// <summary>
/// <see cref="IFunnelAnalytics"/> over the SQLite session rollups: each store's rollups are loaded once per data
/// version into memory columns, and every query is a pass over them (no rescan of raw events).
/// </summary>
public sealed class SqliteFunnelAnalytics(FunnelDatabase database) : IFunnelAnalytics
{
    private readonly SessionTableCache _tables = new(database);

    /// <inheritdoc />
    public async Task<FunnelReport> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        var (table, settings) = await _tables.GetAsync(query.StoreId, cancellationToken);
        var selected = SessionSelection.Select(table, query);
        var units = query.Scope == FunnelScope.Visitor
            ? VisitorFunnel.Build(table, await _tables.VisitorsAsync(query.StoreId, table, cancellationToken), selected, query,
                (long)(query.WindowHours ?? settings.ConversionWindowHours) * 3_600_000_000)
            : FunnelUnits.FromSessions(table, selected, query);
        var groupValues = query.Breakdown is { } dimension ? table.Dimensions[(int)dimension].Values : [];
        var (total, breakdown, trend) = FunnelCalculator.Count(units, query, groupValues);
        return new FunnelReport(query, total, breakdown, trend, TimeToConvertCalculator.Compute(table, selected));
    }

    /// <summary>Loads a store's rollups ahead of the first query (for example right after an import).</summary>
    public async Task WarmAsync(int storeId, CancellationToken cancellationToken = default) =>
        await _tables.GetAsync(storeId, cancellationToken);
}
