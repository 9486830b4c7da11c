namespace FunnelInsight.Web.Api;

/// <summary>
/// How the HTTP API answers an error: always RFC 9457 problem details (<c>application/problem+json</c>) with the
/// error's status, never a redirect to the sign-in page or the dashboard's error page, whatever the client accepts.
/// </summary>
public static class ApiProblems
{
    /// <summary>The API's path prefix.</summary>
    public const string Prefix = "/api";

    /// <summary>True for a request to the API.</summary>
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments(Prefix);

    /// <summary>
    /// Errors become answers: under <see cref="Prefix"/> problem details, for an exception (500, or a bad request's own
    /// status, through <see cref="ApiExceptionHandler"/>) and for any 4xx/5xx answered without a body (an unknown route,
    /// a refused token, a missing store); elsewhere, outside development, the dashboard's error page.
    /// </summary>
    public static WebApplication UseErrorAnswers(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseWhen(IsApi, api => api.UseExceptionHandler());
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode)));
        return app;
    }

    /// <summary>Maps every other path under <see cref="Prefix"/> to a 404 problem, for anyone (so it is not a sign-in redirect).</summary>
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder app)
    {
        app.MapFallback(Prefix + "/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no such API endpoint.")).AllowAnonymous();
        return app;
    }

    /// <summary>Writes a problem of <paramref name="status"/>.</summary>
    // ProblemHttpResult writes application/problem+json itself when the problem details service declines (an Accept without JSON).
    internal static Task WriteAsync(HttpContext http, int status) => TypedResults.Problem(statusCode: status).ExecuteAsync(http);
}
