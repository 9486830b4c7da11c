namespace FunnelInsight.Web.Api;

/// <summary>The API's OpenAPI document, <c>/openapi/v1.json</c>: the <c>/api</c> routes only, readable without signing in.</summary>
public static class ApiDocument
{
    /// <summary>The document's address.</summary>
    public const string Path = "/openapi/v1.json";

    /// <summary>Registers the document generator.</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The dashboard's own routes (pages, sign-out, language, signed-in downloads) are not the API.
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiProblems.Prefix[1..] + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FunnelInsight API";
                document.Info.Description = "Reports, uploads and deletions for automation. Send a personal API token as `Authorization: Bearer …`. Every error is RFC 9457 problem details.";
                return Task.CompletedTask;
            });
        });

    /// <summary>Maps the document, for anyone: it describes the routes, not any store.</summary>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).AllowAnonymous();
        return app;
    }
}
