using FunnelInsight.Core.Analytics.Overview;
using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Web.Extensions;

/// <summary>Wires up the report pages: the analytics engine and the store overview.</summary>
public static class ReportExtensions
{
    /// <summary>Registers the analytics engine (one per app: it caches each store's session rollups).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<IFunnelAnalytics, FunnelAnalytics>();
        services.AddSingleton<OverviewReporter>();
        services.AddSingleton<ReportExporter>();
        return services;
    }
}
