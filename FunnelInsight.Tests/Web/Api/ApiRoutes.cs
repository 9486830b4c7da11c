using FunnelInsight.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace FunnelInsight.Tests.Web.Api;

/// <summary>One route of the API as the dashboard maps it: its method and its path template without constraints.</summary>
public sealed partial record ApiRoute(string Method, string Template)
{
    /// <summary>
    /// Every <c>/api</c> route of the dashboard, read from the endpoint data source of the host the dashboard builds
    /// (not started), so that a route added later is walked without anyone listing it here.
    /// </summary>
    public static async Task<IReadOnlyList<ApiRoute>> AllAsync(string databasePath)
    {
        await using var app = DashboardApp.Build([$"--ConnectionStrings:FunnelInsight=Data Source={databasePath}", "--Demo:Enabled=false"]);
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            // The catch-all 404 answers every method and is no route of its own.
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            // A group's route mapped at "" keeps the group's trailing slash in its raw text; the document, like clients, has none.
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => new ApiRoute(m, Constraint().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/'))))
            .ToList();
    }

    /// <summary>The path with each parameter given a value.</summary>
    public string Path(IReadOnlyDictionary<string, string> values) => Parameter().Replace(Template, m => values[m.Groups[1].Value]).TrimStart('/');

    [GeneratedRegex(@"\{(\w+):[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();
}
