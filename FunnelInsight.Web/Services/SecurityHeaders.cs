namespace FunnelInsight.Web.Services;

/// <summary>
/// The response headers every answer carries: no MIME sniffing, no framing (clickjacking), no referrer sent
/// to other sites, and a content security policy that admits what Blazor Server and MudBlazor need (scripts and
/// the circuit's WebSocket from this origin, MudBlazor's inline style attributes, data: images for charts).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The default policy; <c>Security:ContentSecurityPolicy</c> replaces it.</summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var policy = configuration["Security:ContentSecurityPolicy"] is { Length: > 0 } configured ? configured : DefaultContentSecurityPolicy;
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = policy;
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return next(context);
        });
    }
}
