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
        var stores = api.MapGroup("/stores").WithTags("Stores");
        stores.MapGet("", StoreEndpoints.ListAsync)
            .WithName("ListStores")
            .WithSummary("The stores the caller may use, by name, with the caller's role and the events, orders and sessions each holds.");
        stores.MapPost("", StoreEndpoints.CreateAsync)
            .WithName("CreateStore")
            .WithSummary("Creates a store with the caller as its Owner; 409 when the name is taken, 403 for a token limited to one store.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var store = api.MapGroup("/stores/{storeId:int}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        store.MapDelete("", DeletionEndpoints.DeleteStoreAsync)
            .WithTags("Stores")
            .WithName("DeleteStore")
            .WithSummary("Deletes the store and everything it holds (events, sessions, orders, imports, members, store tokens, files); Owner.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var settings = store.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("", SettingsEndpoints.GetAsync)
            .WithName("GetSettings")
            .WithSummary("The store's settings (stage map, session timeout, conversion window, currency, time zone) and the time zones offered; Analyst or Owner.");
        settings.MapPut("", SettingsEndpoints.PutAsync)
            .WithName("PutSettings")
            .WithSummary("Replaces the store's settings, with the Settings page's checks (400 naming each field, nothing changed) and its rebuild of the sessions; Owner.")
            .ProducesValidationProblem();

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

        store.MapGroup("/sessions").WithTags("Sessions")
            .MapGet("/events", SessionEndpoints.EventsAsync)
            .WithName("GetSessionEvents")
            .WithSummary("One session's events in order (key=the session's key), with the stage each reached and times in the store's time zone; Analyst or Owner.")
            .ProducesValidationProblem();

        var imports = store.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("", ImportEndpoints.ListAsync)
            .WithName("ListImports")
            .WithSummary("The store's imports, newest first: what each read, stored and rejected, and how it ended; Analyst or Owner.");
        imports.MapPost("/{kind}", ImportEndpoints.UploadAsync)
            .WithName("UploadImport")
            // The body is the export as it is (no form, any or no Content-Type): declaring it with Accepts would make
            // routing refuse a body sent without text/csv, which curl --data-binary and plain stream clients send.
            .WithSummary("Imports the request body, an event or order export as CSV, into the store; Owner. With Accept: text/event-stream, "
                + "its progress and then its result come as server-sent events (progress, result), and closing the stream cancels the import.")
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
