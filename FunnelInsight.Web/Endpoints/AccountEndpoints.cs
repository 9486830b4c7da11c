using FunnelInsight.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FunnelInsight.Web.Endpoints;

/// <summary>Sign-out: a POST with the antiforgery token (a sign-out by GET could be triggered by any page).</summary>
public static class AccountEndpoints
{
    /// <summary>Maps <c>POST /account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Form binding makes the antiforgery middleware validate the token posted with the form.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login" + (LocalUrl.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
        });
        return app;
    }
}
