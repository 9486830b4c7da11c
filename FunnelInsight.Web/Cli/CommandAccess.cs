using FunnelInsight.Core.Storage;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// Who may use a store from the command line. A store without members belongs to whoever runs the command line on
/// the database (the first import and the benchmark create such stores before any account exists). A store with
/// members needs a member's personal API token (<c>--token</c> or <see cref="TokenVariable"/>), checked as the HTTP
/// API checks it: hashed lookup, revoked tokens refused, a store-limited token only for its store.
/// </summary>
public sealed class CommandAccess
{
    /// <summary>The environment variable read when <c>--token</c> is not given, so the token stays out of shell history.</summary>
    public const string TokenVariable = "FUNNELINSIGHT_TOKEN";

    private readonly ApiTokens _tokens;
    private readonly StoreMemberships _memberships;
    private readonly string? _secret;
    private readonly FunnelDatabase _database;
    private readonly StoreChoice _choice;
    private ApiToken? _token;

    /// <summary>Access for the token <paramref name="secret"/>, or for no token when it is null or empty.</summary>
    /// <param name="database">The database.</param>
    /// <param name="secret">The personal API token, if any.</param>
    /// <param name="choice">How a store name shared by several owners is narrowed (<c>--store-id</c>, <c>--owner</c>).</param>
    internal CommandAccess(FunnelDatabase database, string? secret, StoreChoice? choice = null)
    {
        (_database, _choice) = (database, choice ?? new StoreChoice(null, null));
        Stores = new StoreCatalog(database);
        _tokens = new ApiTokens(database);
        _memberships = new StoreMemberships(database);
        _secret = string.IsNullOrWhiteSpace(secret) ? null : secret.Trim();
    }

    /// <summary>The database's stores.</summary>
    public StoreCatalog Stores { get; }

    /// <summary>Access for <c>--token</c>, or else the <see cref="TokenVariable"/> environment variable.</summary>
    public static CommandAccess For(CommandArguments args, FunnelDatabase database) =>
        new(database, args.Get("token") ?? Environment.GetEnvironmentVariable(TokenVariable), StoreChoice.For(args));

    /// <summary>The token given with <c>--token</c>, or else in the <see cref="TokenVariable"/> environment variable; null for none.</summary>
    public static string? Secret(CommandArguments args) =>
        (args.Get("token") ?? Environment.GetEnvironmentVariable(TokenVariable)) is { } secret && !string.IsNullOrWhiteSpace(secret) ? secret.Trim() : null;

    /// <summary>The refusal of a store the caller may not <paramref name="doing"/>, the same whether it exists or not (exit 3).</summary>
    public static CommandLineException Refusal(string name, string doing, bool withToken) =>
        new($"No store '{name.Trim()}' that {(withToken ? "this token can " + doing : "the command line can " + doing + " without a token (give --token or set " + TokenVariable + ")")}.",
            CommandLineException.Refused);

    /// <summary>The refusal of a member whose <paramref name="role"/> is below <paramref name="needed"/> (exit 3).</summary>
    public static CommandLineException TooLow(StoreRole role, string storeName, StoreRole needed, string doing) =>
        new($"This token's user has the {role} role in '{storeName}'; to {doing} it needs the {needed} role{(needed == StoreRole.Owner ? "" : " or higher")}.",
            CommandLineException.Refused);

    /// <summary>The store <paramref name="name"/> when the caller may <paramref name="doing"/> it with <paramref name="role"/>.</summary>
    /// <param name="name">The store's name.</param>
    /// <param name="role">The least role needed.</param>
    /// <param name="doing">What the verb does, for the refusal ("report on", "import into").</param>
    /// <param name="createIfMissing">Creates a missing store, with the token's user as its Owner (import).</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <exception cref="CommandLineException">
    /// Refused (exit 3), saying the same whether the store exists or not; the name is shared by several stores the
    /// caller can use (exit 2, saying how to choose).
    /// </exception>
    public async Task<NamedStore> StoreAsync(string name, StoreRole role, string doing, bool createIfMissing, CancellationToken cancellationToken) =>
        (await FindOrCreateAsync(name, role, doing, createIfMissing, cancellationToken)).Store;

    /// <summary>
    /// The store <paramref name="name"/> an import goes into, as <see cref="StoreAsync"/> with creation allowed, and whether
    /// this call created it (then an import that stores nothing deletes it again).
    /// </summary>
    /// <exception cref="CommandLineException">As <see cref="StoreAsync"/>.</exception>
    public Task<(NamedStore Store, bool Created)> ImportStoreAsync(string name, string doing, CancellationToken cancellationToken) =>
        FindOrCreateAsync(name, StoreRole.Owner, doing, createIfMissing: true, cancellationToken);

    private async Task<(NamedStore Store, bool Created)> FindOrCreateAsync(string name, StoreRole role, string doing, bool createIfMissing, CancellationToken cancellationToken)
    {
        var who = _secret is null ? "the command line can " + doing + " without a token (give --token or set " + TokenVariable + ")" : "this token can " + doing;
        var refused = new CommandLineException($"No store '{name.Trim()}' that {who}.", CommandLineException.Refused);
        var token = await TokenAsync(cancellationToken) ?? (_secret is null ? null : throw refused);
        var named = await _choice.NarrowAsync(await Stores.FindAllAsync(name, cancellationToken), _database);
        if (token is not null)
        {
            // A token sees its user's stores (and those without members): another owner's store of the same name is not
            // in the way, not even to say that it exists.
            var withMembers = await _memberships.StoresWithMembersAsync(cancellationToken);
            var mine = (await _memberships.StoresOfAsync(token.UserId, cancellationToken)).Select(m => m.StoreId).ToHashSet();
            named = named.Where(s => (token.StoreId is null || token.StoreId == s.Id) && (mine.Contains(s.Id) || !withMembers.Contains(s.Id))).ToList();
        }

        var store = StoreChoice.Single(named, _choice.Verb, name, operatorOptions: token is null);
        if (store is null)
        {
            if (!createIfMissing || token?.StoreId is not null)
            {
                throw refused;
            }

            var ownerId = token?.UserId ?? "";
            var created = await Stores.CreateAsync(name, ownerId, cancellationToken);
            store = created ?? await Stores.GetOrCreateAsync(name, ownerId, cancellationToken);
            if (token is not null && (await _memberships.MembersOfAsync(store.Id, cancellationToken)).Count == 0)
            {
                await _memberships.SetAsync(store.Id, token.UserId, StoreRole.Owner, cancellationToken);
            }
            else if (token is not null)
            {
                // The user's own store of that name, which they no longer belong to: refused like any other.
                throw refused;
            }

            return (store, created is not null);
        }

        if (token?.StoreId is { } limited && limited != store.Id)
        {
            throw refused;
        }

        var members = await _memberships.MembersOfAsync(store.Id, cancellationToken);
        if (members.Count == 0)
        {
            return (store, false);
        }

        var member = members.FirstOrDefault(m => m.UserId == token?.UserId) ?? throw refused;
        return member.Role >= role ? (store, false)
            : throw new CommandLineException(
                $"This token's user has the {member.Role} role in '{store.Name}'; to {doing} it needs the {role} role{(role == StoreRole.Owner ? "" : " or higher")}.",
                CommandLineException.Refused);
    }

    /// <summary>The stores without members, and with a token the stores its user belongs to (only its store for a store-limited token).</summary>
    /// <exception cref="CommandLineException">The token is unknown or revoked (exit 3).</exception>
    public async Task<IReadOnlyList<StoreOverview>> VisibleStoresAsync(CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        if (_secret is not null && token is null)
        {
            throw new CommandLineException("stores: the token is unknown or revoked.", CommandLineException.Refused);
        }

        var withMembers = await _memberships.StoresWithMembersAsync(cancellationToken);
        var mine = token is null ? []
            : (await _memberships.StoresOfAsync(token.UserId, cancellationToken)).Select(m => m.StoreId).Where(id => token.StoreId is null || token.StoreId == id).ToHashSet();
        return (await Stores.ListAsync(cancellationToken)).Where(s => !withMembers.Contains(s.Id) || mine.Contains(s.Id)).ToList();
    }

    // Looked up once per run; its use is recorded as the HTTP API records it.
    private async Task<ApiToken?> TokenAsync(CancellationToken cancellationToken)
    {
        if (_secret is null || _token is not null)
        {
            return _token;
        }

        _token = await _tokens.AuthenticateAsync(_secret, cancellationToken);
        if (_token is not null)
        {
            try
            {
                await _tokens.RecordUseAsync(_token.Id, cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                // "Last used" is informative: a database held by a long import must not stop a verb that only reads.
            }
        }

        return _token;
    }
}
