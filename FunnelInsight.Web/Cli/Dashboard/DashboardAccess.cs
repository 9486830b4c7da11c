namespace FunnelInsight.Web.Cli.Dashboard;

/// <summary>
/// The command line's store check (<see cref="CommandAccess"/>) answered by the running dashboard: the stores the caller
/// may use come from <c>GET /api/stores</c>, where the operator token makes the stores without members the caller's
/// (as they are on the database files) and a personal token adds its user's stores. A store is found by name as there,
/// and refused with the same words and exit code. A name several of them share is narrowed by <c>--store-id</c>; the
/// listing does not say who created a store, so <c>--owner</c> is answered only on the files.
/// </summary>
internal sealed class DashboardAccess(DashboardClient client, bool withToken, StoreChoice choice)
{
    /// <summary>The store <paramref name="name"/> when the caller may <paramref name="doing"/> it with <paramref name="role"/>.</summary>
    /// <param name="name">The store's name.</param>
    /// <param name="role">The least role needed.</param>
    /// <param name="doing">What the verb does, for the refusal ("report on", "import into").</param>
    /// <param name="createIfMissing">Creates a missing store, with the token's user as its Owner (import).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="CommandLineException">
    /// Refused (exit 3), saying the same whether the store exists or not; the name is shared by several stores the
    /// caller can use, or <c>--owner</c> was given (exit 2, saying how to choose).
    /// </exception>
    public async Task<StoreListing> StoreAsync(string name, StoreRole role, string doing, bool createIfMissing, CancellationToken cancellationToken) =>
        (await FindOrCreateAsync(name, role, doing, createIfMissing, cancellationToken)).Store;

    /// <summary>
    /// The store <paramref name="name"/> an import goes into, as <see cref="StoreAsync"/> with creation allowed, and whether
    /// this call created it (then an import that stores nothing deletes it again).
    /// </summary>
    /// <exception cref="CommandLineException">As <see cref="StoreAsync"/>.</exception>
    public Task<(StoreListing Store, bool Created)> ImportStoreAsync(string name, string doing, CancellationToken cancellationToken) =>
        FindOrCreateAsync(name, StoreRole.Owner, doing, createIfMissing: true, cancellationToken);

    private async Task<(StoreListing Store, bool Created)> FindOrCreateAsync(string name, StoreRole role, string doing, bool createIfMissing, CancellationToken cancellationToken)
    {
        if (choice.OwnerEmail is not null)
        {
            throw new CommandLineException($"{choice.Verb}: --owner is answered from the database files, and the dashboard has them open; name the store with --store-id ID (see stores).");
        }

        var named = (await VisibleAsync(name, doing, cancellationToken))
            .Where(s => s.Name == name.Trim() && (choice.StoreId is not { } id || s.Id == id)).ToList();
        var store = named.Count > 1 ? throw StoreChoice.Ambiguous([.. named.Select(s => s.Id)], choice.Verb, name, operatorOptions: false) : named.FirstOrDefault();
        if (store is null)
        {
            if (!createIfMissing)
            {
                throw CommandAccess.Refusal(name, doing, withToken);
            }

            try
            {
                return (await client.CreateStoreAsync(name.Trim(), cancellationToken), true);
            }
            catch (DashboardProblemException ex) when (ex.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status409Conflict)
            {
                // Taken by a store that is not the caller's, or a token limited to another store: refused as if it did not exist.
                throw CommandAccess.Refusal(name, doing, withToken);
            }
        }

        return store.RoleValue >= role ? (store, false) : throw CommandAccess.TooLow(store.RoleValue, store.Name, role, doing);
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
