using Microsoft.AspNetCore.Localization;

namespace FunnelInsight.Web.Endpoints;

/// <summary><c>/culture/set?culture=ar&amp;redirectUri=/…</c>: remembers the chosen language in a cookie and goes back.</summary>
public static class CultureEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/culture/set";

    /// <summary>The link that switches to <paramref name="culture"/> and returns to <paramref name="returnPath"/>.</summary>
    public static string Link(string culture, string returnPath) =>
        $"{Path}?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(returnPath)}";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (string? culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = DashboardCultures.Supported.FirstOrDefault(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? DashboardCultures.Default;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });

            // Only a path on this site: a redirect to another host would make this an open redirect.
            return Results.LocalRedirect(LocalUrl.IsLocal(redirectUri) ? redirectUri! : "/");
        }).AllowAnonymous(); // only sets a cookie, and the sign-in page may switch language too
        return endpoints;
    }
}
