using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using FunnelInsight.Web.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Extensions;

/// <summary>Wires accounts into the dashboard: sign-in, store access, API tokens, uploads, exports and security headers.</summary>
public static class AccountsExtensions
{
    /// <summary>Registers Identity (cookie sign-in with lockout), API token authentication, store access and the export and upload services.</summary>
    public static IServiceCollection AddFunnelInsightAccounts(this IServiceCollection services, FunnelDatabase database)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.Cookie.Name = "FunnelInsight.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request is HTTPS, through a proxy too
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;

            // The API never redirects to the sign-in page: a request without a valid sign-in gets its status (a problem).
            cookie.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);

            // The sign-in page itself sends the user on (to a ReturnUrl it has checked, see LocalUrl); the cookie
            // handler's own redirect to the raw ReturnUrl would take any value, and throws on one a header cannot carry.
            cookie.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
        });
        services.AddAccountIdentity(database).AddSignInManager();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IConfiguration>((validation, configuration) => validation.ValidationInterval = AccountSessions.Interval(configuration));

        // Everything needs a signed-in user unless it says otherwise ([AllowAnonymous] on the sign-in page and
        // static assets): a page or endpoint added later is protected without remembering to be.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(AccountPolicies.ApiToken, policy => policy.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();

        // The security headers send X-Frame-Options: DENY on every answer; a second, SAMEORIGIN, from antiforgery would conflict.
        services.AddAntiforgery(options =>
        {
            options.SuppressXFrameOptionsHeader = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddSingleton<StoreMemberships>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<IStoreAccess, MembershipStoreAccess>();
        services.AddSingleton<UploadGuard>();
        services.AddSingleton<DemoAccount>();
        return services;
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiProblems.IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Applies the accounts migrations and creates the demo account when the demo store is new.</summary>
    public static async Task PrepareAccountsAsync(this WebApplication app, FunnelDatabase database)
    {
        await AccountsDatabase.MigrateAsync(database);
        await app.Services.GetRequiredService<DemoAccount>().EnsureAsync(CancellationToken.None);
    }

    /// <summary>Security headers, then authentication and authorisation (call before <c>UseAntiforgery</c>).</summary>
    public static WebApplication UseFunnelInsightAccounts(this WebApplication app)
    {
        app.UseSecurityHeaders(app.Configuration);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps sign-out and the signed-in report exports and import error files.</summary>
    public static WebApplication MapFunnelInsightAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapReportEndpoints();
        app.MapImportEndpoints();
        return app;
    }
}
