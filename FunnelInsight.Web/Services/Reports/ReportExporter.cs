using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Reports;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// Builds the report files the command line's <c>report</c> verb and the dashboard's download links write: the kind's
/// document from the engine, with the store's currency for the workbook's money columns.
/// </summary>
/// <param name="analytics">The engine.</param>
/// <param name="settings">The store's settings (its currency).</param>
public sealed class ReportExporter(IFunnelAnalytics analytics, StoreSettingsService settings)
{
    /// <summary>The document of report <paramref name="kind"/> for a valid filter.</summary>
    /// <param name="kind">One of <see cref="ReportFile.Kinds"/>.</param>
    /// <param name="filter">The filters, already read (and a saved funnel resolved).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ReportDocument> BuildAsync(string kind, ReportFilter filter, CancellationToken cancellationToken)
    {
        var document = await ReportFile.BuildAsync(analytics, kind, filter.Query, filter.Limit, filter.InactiveDays ?? 90, cancellationToken);
        var store = await settings.GetAsync(filter.Query.StoreId, cancellationToken);
        return document with { Currency = store?.Currency };
    }
}
