using System.Security.Claims;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// Store access from the memberships in the database: a signed-in user (cookie or API token) reaches a store
/// only as its member, with their role there; a token limited to one store reaches only that store. The running
/// instance's operator (the command line on this machine, see <see cref="AccountClaims.Operator"/>) also reaches the
/// stores without members, as their Owner, as the command line does on the database files.
/// </summary>
public sealed class MembershipStoreAccess(StoreMemberships memberships) : IStoreAccess
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoreMembership>> StoresAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var stores = UserId(user) is { } userId ? await memberships.StoresOfAsync(userId, cancellationToken) : [];
        if (IsOperator(user))
        {
            stores = [.. stores.Concat(await memberships.MemberlessStoresAsync(cancellationToken)).OrderBy(s => s.StoreName, StringComparer.Ordinal)];
        }

        return stores.Where(s => TokenAllows(user, s.StoreId)).Select(s => new StoreMembership(s.StoreId, s.StoreName, s.Role)).ToList();
    }

    /// <inheritdoc />
    public async Task<StoreMembership?> FindAsync(ClaimsPrincipal user, int storeId, StoreRole atLeast, CancellationToken cancellationToken = default)
    {
        if (!TokenAllows(user, storeId))
        {
            return null;
        }

        var member = UserId(user) is { } userId ? await memberships.FindAsync(userId, storeId, cancellationToken) : null;
        if (member is null && IsOperator(user))
        {
            member = (await memberships.MemberlessStoresAsync(cancellationToken)).FirstOrDefault(s => s.StoreId == storeId);
        }

        return member is not null && member.Role >= atLeast ? new StoreMembership(member.StoreId, member.StoreName, member.Role) : null;
    }

    private static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static bool IsOperator(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.HasClaim(AccountClaims.Operator, "true");

    private static bool TokenAllows(ClaimsPrincipal user, int storeId) =>
        user.FindFirstValue(AccountClaims.TokenStore) is not { } limited || limited == storeId.ToString(CultureInfo.InvariantCulture);
}
