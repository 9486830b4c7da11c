using System.Security.Claims;

namespace FunnelInsight.Web.Services;

/// <summary>
/// Decides which stores a user may see and what they may do there. Every page, export, endpoint and
/// command asks it: a store id from a URL or a form is never trusted without it.
/// </summary>
public interface IStoreAccess
{
    /// <summary>The stores <paramref name="user"/> belongs to, by name.</summary>
    Task<IReadOnlyList<StoreMembership>> StoresAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's membership of <paramref name="storeId"/> when it grants at least <paramref name="atLeast"/>;
    /// null when the store does not exist, the user is not a member, or the role is too low (callers answer
    /// all three the same way, so a store's existence does not leak).
    /// </summary>
    Task<StoreMembership?> FindAsync(ClaimsPrincipal user, int storeId, StoreRole atLeast, CancellationToken cancellationToken = default);
}
