using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Services;
using FunnelInsight.Web.Services.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Report downloads: <c>GET /stores/{id}/reports/{kind}.{format}?{filters}</c> for the signed-in dashboard and
/// <c>GET /api/stores/{id}/reports/{kind}.{format}?{filters}</c> for automation (API token). Both write exactly
/// what the command line's <c>report</c> verb writes for the same filters (the query keys are its option names).
/// Analysts and owners only: a marketer gets 403, a non-member (or an unknown store) 404, so a store's
/// existence does not leak.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The file formats, in the order the download buttons show them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "xlsx", "json"];

    /// <summary>The dashboard's download URL of a report with the view's filters.</summary>
    public static string Link(string kind, string format, FunnelQuery query) =>
        $"/stores/{query.StoreId}/reports/{kind}.{format}{ReportQueryString.Of(query)}";

    /// <summary>The content types of the report files, for the API document.</summary>
    public static string[] ContentTypes { get; } = [.. ReportFile.Formats.Select(ReportFile.ContentType)];

    /// <summary>Maps the signed-in route (the API-token route is in <see cref="Api.ApiEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stores/{storeId:int}/reports/{kind}.{format}", ExportAsync).RequireAuthorization();
        return app;
    }

    /// <summary>Writes the report <paramref name="kind"/> of the store as <paramref name="format"/>, for the request's filters.</summary>
    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(int storeId, string kind, string format, HttpContext http, IStoreAccess access, IFunnelAnalytics analytics,
        CancellationToken cancellationToken)
    {
        kind = kind.ToLowerInvariant();
        format = format.ToLowerInvariant();
        if (!ReportFile.Kinds.Contains(kind) || !ReportFile.Formats.Contains(format))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no report '{kind}.{format}'.");
        }

        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Every key is a filter or a report option, and every value parses: a typo is a 400 naming the key, never ignored.
        var filter = ReportFilters.Parse(storeId, http.Request.Query.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
        if (!filter.IsValid)
        {
            return FilterProblem(filter);
        }

        var document = await ReportFile.BuildAsync(analytics, kind, filter.Query, filter.Limit, filter.InactiveDays ?? 90, cancellationToken);

        // Buffered (memory, then a temp file) so that a failure mid-report answers with an error status instead of
        // a truncated file; XLSX needs a seekable stream, so it is written to memory first.
        await using var buffer = new FileBufferingWriteStream();
        if (format == "xlsx")
        {
            using var workbook = new MemoryStream();
            await ReportFile.WriteAsync(document, format, workbook, cancellationToken);
            workbook.Position = 0;
            await workbook.CopyToAsync(buffer, cancellationToken);
        }
        else
        {
            await ReportFile.WriteAsync(document, format, buffer, cancellationToken);
        }

        http.Response.ContentType = ReportFile.ContentType(format);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"store-{storeId}-{kind}.{format}\"";
        http.Response.Headers.CacheControl = "no-store";
        await buffer.DrainBufferAsync(http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>A 400 problem whose <c>errors</c> name each key that was wrong, with what was wrong.</summary>
    public static ValidationProblem FilterProblem(ReportFilter filter) => TypedResults.ValidationProblem(
        filter.Problems.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        detail: string.Join(" ", filter.Problems.Select(p => p.Message)), title: "The report's filters are not valid.");
}
