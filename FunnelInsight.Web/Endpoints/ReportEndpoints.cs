using System.Globalization;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Services;
using FunnelInsight.Web.Services.Reports;
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

    /// <summary>Maps the signed-in route and the API-token route.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stores/{storeId:int}/reports/{kind}.{format}", ExportAsync).RequireAuthorization();
        app.MapGet("/api/stores/{storeId:int}/reports/{kind}.{format}", ExportAsync).RequireAuthorization(AccountPolicies.ApiToken);
        return app;
    }

    private static async Task<IResult> ExportAsync(int storeId, string kind, string format, HttpContext http, IStoreAccess access, IFunnelAnalytics analytics,
        CancellationToken cancellationToken)
    {
        kind = kind.ToLowerInvariant();
        format = format.ToLowerInvariant();
        if (!ReportFile.Kinds.Contains(kind) || !ReportFile.Formats.Contains(format))
        {
            return Results.NotFound();
        }

        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var query = http.Request.Query;
        var question = ReportQueryString.Parse(storeId, key => query[key].FirstOrDefault());
        var document = await ReportFile.BuildAsync(analytics, kind, question, Positive(query["limit"].FirstOrDefault()),
            Positive(query["inactive-days"].FirstOrDefault()) ?? 90, cancellationToken);

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
        return Results.Empty;
    }

    private static int? Positive(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
