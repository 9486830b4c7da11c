using FunnelInsight.Core.Accounts;
using FunnelInsight.Web.Services;

namespace FunnelInsight.Web.Cli.Dashboard;

/// <summary>
/// The command line's store check (<see cref="CommandAccess"/>) answered by the running dashboard: the stores the caller
/// may use come from <c>GET /api/stores</c>, where the operator token makes the stores without members the caller's
/// (as they are on the database files) and a personal token adds its user's stores. A store is found by name as there,
/// and refused with the same words and exit code.
/// </summary>
internal sealed class DashboardAccess(DashboardClient client, bool withToken)
{
    /// <summary>The store <paramref name="name"/> when the caller may <paramref name="doing"/> it with <paramref name="role"/>.</summary>
    /// <param name="name">The store's name.</param>
    /// <param name="role">The least role needed.</param>
    /// <param name="doing">What the verb does, for the refusal ("report on", "import into").</param>
    /// <param name="createIfMissing">Creates a missing store, with the token's user as its Owner (import).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="CommandLineException">Refused (exit 3), saying the same whether the store exists or not.</exception>
    public async Task<StoreListing> StoreAsync(string name, StoreRole role, string doing, bool createIfMissing, CancellationToken cancellationToken)
    {
        var store = (await VisibleAsync(name, doing, cancellationToken)).FirstOrDefault(s => s.Name == name.Trim());
        if (store is null)
        {
            if (!createIfMissing)
            {
                throw CommandAccess.Refusal(name, doing, withToken);
            }

            try
            {
                return await client.CreateStoreAsync(name.Trim(), cancellationToken);
            }
            catch (DashboardProblemException ex) when (ex.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status409Conflict)
            {
                // Taken by a store that is not the caller's, or a token limited to another store: refused as if it did not exist.
                throw CommandAccess.Refusal(name, doing, withToken);
            }
        }

        return store.RoleValue >= role ? store : throw CommandAccess.TooLow(store.RoleValue, store.Name, role, doing);
    }

    /// <summary>The stores the caller may use, by name.</summary>
    /// <exception cref="CommandLineException">The token is unknown or revoked (exit 3).</exception>
    public async Task<IReadOnlyList<StoreListing>> StoresAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.StoresAsync(cancellationToken);
        }
        catch (DashboardProblemException ex) when (ex.Status == StatusCodes.Status401Unauthorized)
        {
            throw new CommandLineException("stores: the token is unknown or revoked.", CommandLineException.Refused);
        }
    }

    private async Task<IReadOnlyList<StoreListing>> VisibleAsync(string name, string doing, CancellationToken cancellationToken)
    {
        try
        {
            return await client.StoresAsync(cancellationToken);
        }
        catch (DashboardProblemException ex) when (ex.Status == StatusCodes.Status401Unauthorized)
        {
            throw CommandAccess.Refusal(name, doing, withToken);
        }
    }
}
