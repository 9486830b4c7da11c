using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Web.Services;
using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// <c>/stores/{storeId}/reports/{kind}.{format}?{filters}</c>: a report file, exactly what the command line's
/// <c>report</c> verb writes for the same filters (the query keys are its option names), for the store's analysts
/// and owners.
/// </summary>
public static class ReportEndpoint
{
    /// <summary>The file formats, in the order the buttons show them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "xlsx", "json"];

    /// <summary>The download URL of a report with the view's filters.</summary>
    public static string Link(string kind, string format, FunnelQuery query) =>
        $"/stores/{query.StoreId}/reports/{kind}.{format}{ReportQueryString.Of(query)}";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapReportEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/stores/{storeId:int}/reports/{kind}.{format}", async (int storeId, string kind, string format, HttpContext http, IStoreAccess access, IFunnelAnalytics analytics) =>
        {
            var cancellationToken = http.RequestAborted;
            kind = kind.ToLowerInvariant();
            format = format.ToLowerInvariant();
            if (!ReportFile.Kinds.Contains(kind) || !ReportFile.Formats.Contains(format)
                || await access.FindAsync(http.User, storeId, StoreRole.Analyst, cancellationToken) is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var query = http.Request.Query;
            var question = ReportQueryString.Parse(storeId, key => query[key].FirstOrDefault());
            var limit = Positive(query["limit"].FirstOrDefault());
            var document = await ReportFile.BuildAsync(analytics, kind, question, limit, Positive(query["inactive-days"].FirstOrDefault()) ?? 90, cancellationToken);
            http.Response.ContentType = ReportFile.ContentType(format);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{kind}.{format}\"";

            // XLSX is written through a seekable buffer (the package format needs one); the rest streams.
            if (format == "xlsx")
            {
                using var buffer = new MemoryStream();
                await ReportFile.WriteAsync(document, format, buffer, cancellationToken);
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, cancellationToken);
            }
            else
            {
                await ReportFile.WriteAsync(document, format, http.Response.Body, cancellationToken);
            }
        });
        return endpoints;
    }

    private static int? Positive(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
