using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Accounts;

/// <summary>The membership check of every store-scoped endpoint, answered the same way everywhere.</summary>
public static class StoreGate
{
    /// <summary>
    /// Null when <paramref name="user"/> may act in the store with <paramref name="atLeast"/>; otherwise the refusal:
    /// a 404 problem for a non-member or unknown store (the same answer, so a store's existence does not leak), a 403
    /// problem for a member whose role is too low.
    /// </summary>
    public static async Task<ProblemHttpResult?> CheckAsync(ClaimsPrincipal user, int storeId, StoreRole atLeast, IStoreAccess access, CancellationToken cancellationToken)
    {
        var membership = await access.FindAsync(user, storeId, StoreRole.Marketer, cancellationToken);
        if (membership is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no such store, or you are not one of its members.");
        }

        // A status of its own, not Results.Forbid(): the cookie scheme would turn a forbid into a redirect.
        return membership.Role < atLeast
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: $"This needs the {atLeast} role in the store; you have the {membership.Role} role.")
            : null;
    }
}
