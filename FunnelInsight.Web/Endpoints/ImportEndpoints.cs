using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Web.Services.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Import endpoints: the error CSV of an import (signed-in page link, or API token), and upload-and-import
/// for automation (<c>POST /api/stores/{id}/imports/{events|orders}</c>, owners only).
/// </summary>
public static class ImportEndpoints
{
    /// <summary>The dashboard's link to an import's error file.</summary>
    public static string ErrorFileLink(int storeId, int importId) => $"/stores/{storeId}/imports/{importId}/errors.csv";

    /// <summary>Maps the signed-in error file route (the API-token routes are in <see cref="Api.ApiEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stores/{storeId:int}/imports/{importId:int}/errors.csv", ErrorFileAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The rows an import rejected, as CSV, for an Analyst or Owner.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ErrorFileAsync(int storeId, int importId, HttpContext http, IStoreAccess access, ImportHistory history, CancellationToken cancellationToken)
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
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "The store has no such import.");
        }

        // Rejected rows are the shop's customer data: never kept by a browser or a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"import-{importId}-errors.csv");
    }

    /// <summary>
    /// Stores the request body as an upload and imports it, for an Owner; answers the result, or with
    /// <c>Accept: text/event-stream</c> the import's progress and then its result as events (<see cref="ImportEventStream"/>).
    /// </summary>
    internal static async Task<Results<Ok<ImportResultDocument>, ServerSentEventsResult<string>, ProblemHttpResult, ValidationProblem>> UploadAsync(int storeId, string kind, string? fileName,
        string? format, string? map, string? encoding, string? dateOrder, [FromQuery(Name = "decimal")] string? decimalMark, HttpContext http,
        IStoreAccess access, UploadGuard guard, ImportService imports, ImportJobs queue, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var importKind = kind.ToLowerInvariant() switch { "events" => ImportKind.Events, "orders" => ImportKind.Orders, _ => (ImportKind?)null };
        if (importKind is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Imports are of events or orders.");
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
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: guard.TooLargeMessage);
        }

        if (upload.File is not { } file)
        {
            return TypedResults.Problem(statusCode: RefusalStatus(upload), detail: upload.Rejection);
        }

        var request = new ImportRequest(storeId, importKind.Value, file.Path, file.FileName, format, map, encoding, choices.DateOrder, choices.DecimalMark);

        // Shared jobs (PostgreSQL): queued for whichever instance claims it, which removes the file; the request waits for its end.
        var job = queue.Shared is null ? null : await queue.EnqueueAsync(request, file.Length, cancellationToken);
        Func<IProgress<ImportProgress>?, CancellationToken, Task<ImportResult>> import = job is null
            ? (progress, token) => imports.ImportAsync(request, progress, token)
            : job.WaitAsync;
        Action ended = job is null ? () => UploadGuard.Remove(file.Path) : () => { };
        if (ImportEventStream.Wanted(http.Request))
        {
            // The import runs as the events are sent; its file is removed once it has ended, however the stream ends.
            return TypedResults.ServerSentEvents(ImportEventStream.RunAsync(import, ended, lifetime, cancellationToken));
        }

        try
        {
            // The dashboard's shutdown cancels the import too, so that its record ends Cancelled rather than Running.
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var result = await import(null, cancel.Token);
            var body = ImportResultDocument.Of(result);
            // An import that did not succeed is a 422 problem that still carries the import's id, counts and row errors.
            return result.Status == ImportStatus.Succeeded ? TypedResults.Ok(body)
                : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file was not imported.", detail: result.Message, extensions: body.AsExtensions());
        }
        finally
        {
            ended();
        }
    }

    /// <summary>The store's imports, newest first, for an Analyst or Owner: what <c>imports</c> prints.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<ImportHistoryDocument>>, ProblemHttpResult>> ListAsync(int storeId, HttpContext http, IStoreAccess access,
        ImportHistory history, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<ImportHistoryDocument> imports = [.. (await history.ListAsync(storeId, int.MaxValue, cancellationToken)).Select(ImportHistoryDocument.Of)];
        return TypedResults.Ok(imports);
    }

    // 413 for the size limit; 415 for a file that is not a text export at all (an archive, a document, an image, a
    // program, binary data, a web page, or a name that is not .csv/.tsv/.txt); 400 for an empty or unreadable one.
    private static int RefusalStatus(UploadResult upload) => (upload.Refusal, upload.Content) switch
    {
        (UploadRefusal.TooLarge, _) => StatusCodes.Status413PayloadTooLarge,
        (UploadRefusal.BadFileName or null, _) or (_, ContentProblem.Empty or ContentProblem.NoDelimiter) => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status415UnsupportedMediaType,
    };
}
