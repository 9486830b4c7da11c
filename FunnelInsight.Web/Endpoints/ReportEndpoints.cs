using FunnelInsight.Core.Accounts;
using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Reports;
using FunnelInsight.Web.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Report downloads: <c>GET /api/stores/{id}/reports/{kind}.{format}</c> for automation (API token) and
/// <c>GET /stores/{id}/reports/{kind}.{format}</c> for the signed-in dashboard. Analysts and owners only:
/// a marketer gets 403, a non-member (or an unknown store) 404, so a store's existence does not leak.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The report kinds.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "funnel", "leaks", "abandonment", "customers", "friction" };

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["json"] = "application/json; charset=utf-8",
        ["csv"] = "text/csv; charset=utf-8",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Maps the API-token route and the signed-in route.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stores/{storeId:int}/reports/{kind}.{format}", ExportAsync).RequireAuthorization(AccountPolicies.ApiToken);
        app.MapGet("/stores/{storeId:int}/reports/{kind}.{format}", ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(int storeId, string kind, string format, HttpContext http, IStoreAccess access, IReportExporter exporter, CancellationToken cancellationToken)
    {
        kind = kind.ToLowerInvariant();
        format = format.ToLowerInvariant();
        if (!Kinds.Contains(kind) || !ContentTypes.TryGetValue(format, out var contentType))
        {
            return Results.NotFound();
        }

        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!exporter.CanWrite(kind, format))
        {
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, detail: $"The {kind} report is not available as {format} yet.");
        }

        // Buffered (memory, then a temp file) so that a writer may write synchronously and a failure mid-report
        // still answers with an error status instead of a truncated file.
        await using var buffer = new FileBufferingWriteStream();
        await exporter.WriteAsync(storeId, kind, format, http.Request.Query, buffer, cancellationToken);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"store-{storeId}-{kind}.{format}\"";
        http.Response.Headers.CacheControl = "no-store";
        await buffer.DrainBufferAsync(http.Response.Body, cancellationToken);
        return Results.Empty;
    }
}
