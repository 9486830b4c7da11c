using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Services;
using FunnelInsight.Web.Services.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Import endpoints: the error CSV of an import (signed-in page link, or API token), and upload-and-import
/// for automation (<c>POST /api/stores/{id}/imports/{events|orders}</c>, owners only).
/// </summary>
public static class ImportEndpoints
{
    /// <summary>The dashboard's link to an import's error file.</summary>
    public static string ErrorFileLink(int storeId, int importId) => $"/stores/{storeId}/imports/{importId}/errors.csv";

    /// <summary>Maps the error file routes and the upload route.</summary>
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stores/{storeId:int}/imports/{importId:int}/errors.csv", ErrorFileAsync).RequireAuthorization();
        app.MapGet("/api/stores/{storeId:int}/imports/{importId:int}/errors.csv", ErrorFileAsync).RequireAuthorization(AccountPolicies.ApiToken);
        // Antiforgery protects cookie-signed forms; this route takes a bearer token only, which a browser never sends by itself.
        app.MapPost("/api/stores/{storeId:int}/imports/{kind}", UploadAsync).RequireAuthorization(AccountPolicies.ApiToken).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ErrorFileAsync(int storeId, int importId, HttpContext http, IStoreAccess access, ImportHistory history, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var buffer = new MemoryStream();
        // A byte order mark, so spreadsheets read Arabic and other non-Latin text as UTF-8.
        buffer.Write(System.Text.Encoding.UTF8.Preamble);
        if (!await history.WriteErrorsCsvAsync(storeId, importId, buffer, cancellationToken))
        {
            return Results.NotFound();
        }

        // Rejected rows are the shop's customer data: never kept by a browser or a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"import-{importId}-errors.csv");
    }

    private static async Task<IResult> UploadAsync(int storeId, string kind, string? fileName, string? format, string? map, string? encoding, string? dateOrder,
        [FromQuery(Name = "decimal")] string? decimalMark, HttpContext http,
        IStoreAccess access, UploadGuard guard, ImportService imports, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var importKind = kind.ToLowerInvariant() switch { "events" => ImportKind.Events, "orders" => ImportKind.Orders, _ => (ImportKind?)null };
        if (importKind is null)
        {
            return Results.NotFound();
        }

        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Owner, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var choices = UploadChoices.Read(encoding, dateOrder, decimalMark);
        if (choices.Problem is { } badChoice)
        {
            return badChoice;
        }

        // Let the guard see one byte past the limit, so that an oversized body gets its message rather than a reset.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = guard.MaxBytes + 1;
        }

        UploadResult upload;
        try
        {
            upload = await guard.SaveAsync(storeId, fileName ?? "upload.csv", http.Request.Body, http.Request.ContentLength, cancellationToken: cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body sent without a length (chunked) meets the server's limit while the guard reads it.
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: guard.TooLargeMessage);
        }

        if (upload.File is not { } file)
        {
            return Results.Problem(statusCode: upload.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, detail: upload.Rejection);
        }

        try
        {
            // The dashboard's shutdown cancels the import too, so that its record ends Cancelled rather than Running.
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var result = await imports.ImportAsync(
                new ImportRequest(storeId, importKind.Value, file.Path, file.FileName, format, map, encoding, choices.DateOrder, choices.DecimalMark), cancellationToken: cancel.Token);
            var body = ImportResultDocument.Of(result);
            return Results.Json(body, statusCode: result.Status == ImportStatus.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }
        finally
        {
            UploadGuard.Remove(file.Path);
        }
    }
}
