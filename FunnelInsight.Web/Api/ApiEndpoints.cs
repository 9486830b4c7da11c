using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Endpoints;
using Microsoft.OpenApi;

namespace FunnelInsight.Web.Api;

/// <summary>
/// The HTTP API for automation (personal API token as a bearer token), grouped under <c>/api</c> and described at
/// <c>/openapi/v1.json</c>: every route is named, every error is a problem (RFC 9457).
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Maps the API's routes.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        // Antiforgery protects cookie-signed forms; the API takes a bearer token only, which a browser never sends by itself.
        var api = app.MapGroup(ApiProblems.Prefix).RequireAuthorization(AccountPolicies.ApiToken).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status500InternalServerError);
        var store = api.MapGroup("/stores/{storeId:int}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        store.MapDelete("", DeletionEndpoints.DeleteStoreAsync)
            .WithTags("Stores")
            .WithName("DeleteStore")
            .WithSummary("Deletes the store and everything it holds (events, sessions, orders, imports, members, store tokens, files); Owner.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        store.MapGroup("/reports").WithTags("Reports")
            .MapGet("/{kind}.{format}", ReportEndpoints.ExportAsync)
            .WithName("GetReport")
            .WithSummary("A report (funnel, leaks, abandoned, customers…) as CSV, XLSX or JSON, for the query's filters; Analyst or Owner.")
            .Produces<byte[]>(StatusCodes.Status200OK, ReportEndpoints.ContentTypes[0], ReportEndpoints.ContentTypes[1..])
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The filters are read from the whole query (so a misspelt key is a 400), not bound one by one: named here.
                operation.Parameters ??= [];
                foreach (var (key, description) in ReportEndpoints.DocumentedKeys)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = key,
                        In = ParameterLocation.Query,
                        Description = description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }

                return Task.CompletedTask;
            });

        var imports = store.MapGroup("/imports").WithTags("Imports");
        imports.MapPost("/{kind}", ImportEndpoints.UploadAsync)
            .WithName("UploadImport")
            // The body is the export as it is (no form, any or no Content-Type): declaring it with Accepts would make
            // routing refuse a body sent without text/csv, which curl --data-binary and plain stream clients send.
            .WithSummary("Imports the request body, an event or order export as CSV, into the store; Owner.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        imports.MapGet("/{importId:int}/errors.csv", ImportEndpoints.ErrorFileAsync)
            .WithName("GetImportErrors")
            .WithSummary("The rows an import rejected, with their line and reason, as CSV; Analyst or Owner.")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv");
        imports.MapDelete("/{importId:int}", DeletionEndpoints.DeleteImportAsync)
            .WithName("DeleteImport")
            .WithSummary("Deletes an import: its events (those no other import delivered), the orders it stored first and its row errors; the sessions are rebuilt; Owner.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
