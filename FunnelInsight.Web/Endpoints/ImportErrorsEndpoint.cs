using System.Text;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Import;
using FunnelInsight.Web.Services;

namespace FunnelInsight.Web.Endpoints;

/// <summary><c>/stores/{storeId}/imports/{importId}/errors.csv</c>: every row error of an import, for its store's owners.</summary>
public static class ImportErrorsEndpoint
{
    /// <summary>The error file's URL.</summary>
    public static string Link(int storeId, int importId) => $"/stores/{storeId}/imports/{importId}/errors.csv";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapImportErrorsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/stores/{storeId:int}/imports/{importId:int}/errors.csv", async (int storeId, int importId, HttpContext http, IStoreAccess access, ImportHistory history) =>
        {
            var cancellationToken = http.RequestAborted;
            if (await access.FindAsync(http.User, storeId, StoreRole.Owner, cancellationToken) is null
                || !await history.ExistsAsync(storeId, importId, cancellationToken))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{importId}-errors.csv\"";

            // A byte order mark, so spreadsheets read Arabic and other non-Latin text as UTF-8.
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
            await history.WriteErrorsCsvAsync(storeId, importId, writer, cancellationToken);
            await writer.FlushAsync(cancellationToken);
        });
        return endpoints;
    }
}
