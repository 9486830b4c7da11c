using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Sign-out: a POST with the antiforgery token (a sign-out by GET could be triggered by any page). It changes the
/// account's security stamp, so every session of the account ends, a copy of the cookie included.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Maps <c>POST /account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Form binding makes the antiforgery middleware validate the token posted with the form.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, SignInManager<IdentityUser> signIn) =>
        {
            var user = await signIn.UserManager.GetUserAsync(http.User);
            await signIn.SignOutAsync();
            if (user is not null)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            return Results.LocalRedirect("/account/login" + (LocalUrl.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
        });
        return app;
    }
}
