using System.Security.Claims;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Services;

/// <summary>
/// Store access before accounts exist: everyone owns every store. Registered by the dashboard until
/// sign-in replaces it with a membership-based <see cref="IStoreAccess"/>.
/// </summary>
public sealed class AllStoresAccess(FunnelDatabase database) : IStoreAccess
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoreMembership>> StoresAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new StoreMembership(s.Id, s.Name, StoreRole.Owner))
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoreMembership?> FindAsync(ClaimsPrincipal user, int storeId, StoreRole atLeast, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking()
            .Where(s => s.Id == storeId)
            .Select(s => new StoreMembership(s.Id, s.Name, StoreRole.Owner))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
