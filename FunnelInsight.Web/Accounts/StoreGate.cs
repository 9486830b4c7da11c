using System.Security.Claims;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Web.Services;

namespace FunnelInsight.Web.Accounts;

/// <summary>The membership check of every store-scoped endpoint, answered the same way everywhere.</summary>
public static class StoreGate
{
    /// <summary>
    /// Null when <paramref name="user"/> may act in the store with <paramref name="atLeast"/>; otherwise the refusal:
    /// 404 (empty) for a non-member or unknown store, 403 (empty) for a member whose role is too low.
    /// </summary>
    public static async Task<IResult?> CheckAsync(ClaimsPrincipal user, int storeId, StoreRole atLeast, IStoreAccess access, CancellationToken cancellationToken)
    {
        var membership = await access.FindAsync(user, storeId, StoreRole.Marketer, cancellationToken);
        if (membership is null)
        {
            return Results.NotFound();
        }

        // A plain status, not Results.Forbid(): the cookie scheme would turn a forbid into a redirect.
        return membership.Role < atLeast ? Results.StatusCode(StatusCodes.Status403Forbidden) : null;
    }
}
