using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// <c>/stores/{storeId}/reports/{kind}.{format}?{filters}</c>: a report file, exactly what the command line's
/// <c>report</c> verb writes for the same filters, for the store's analysts and owners.
/// </summary>
public static class ReportEndpoint
{
    /// <summary>The file formats, in the order the buttons show them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "xlsx", "json"];

    /// <summary>The download URL of a report with the view's filters.</summary>
    public static string Link(int storeId, string kind, string format, ReportFilter filter) =>
        $"/stores/{storeId}/reports/{kind}.{format}{filter.ToQueryString()}";
}
