using FunnelInsight.Web.Services.Importing;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Reads a JSON request body by hand rather than by parameter binding: a bound body makes routing refuse a request
/// without <c>application/json</c> as if the route did not exist (404), where the API must answer 401, 403 or 400.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>; null when it is empty or not that JSON.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ImportResultDocument.Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
