using Microsoft.AspNetCore.Diagnostics;

namespace FunnelInsight.Web.Api;

/// <summary>
/// An exception during an API request answers as a problem (500, or a bad request's own status); the dashboard's
/// error page, which is for people, is left to the pages.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request's path may already be the error page's; the feature keeps the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!new PathString(path).StartsWithSegments(ApiProblems.Prefix))
        {
            return false;
        }

        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status == StatusCodes.Status500InternalServerError)
        {
            // A handled exception is not logged by the middleware: without this line an operator would see a 500 and no cause.
            LogFailed(logger, exception, httpContext.Request.Method, path);
        }

        httpContext.Response.StatusCode = status;
        await ApiProblems.WriteAsync(httpContext, status);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
