using FunnelInsight.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// Which store <c>--store NAME</c> means, now that names are unique per owner only: the stores of that name, narrowed by
/// <c>--store-id ID</c> and <c>--owner EMAIL</c> (the account that created it); more than one left is a mistake (exit 2)
/// that says how to choose.
/// </summary>
internal sealed class StoreChoice(int? storeId, string? ownerEmail, string verb = "")
{
    /// <summary>The verb, for the line that says a name is ambiguous.</summary>
    public string Verb => verb;

    /// <summary><c>--store-id</c>, or null.</summary>
    public int? StoreId => storeId;

    /// <summary><c>--owner</c>, or null.</summary>
    public string? OwnerEmail => ownerEmail;

    /// <summary>The narrowing options of <paramref name="args"/>.</summary>
    /// <exception cref="CommandLineException"><c>--store-id</c> is not a number.</exception>
    public static StoreChoice For(CommandArguments args) => new(
        args.Get("store-id") is { } id
            ? int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : throw new CommandLineException($"{args.Verb}: --store-id is a store's id (see stores), not '{id}'.")
            : null,
        args.Get("owner") is { Length: > 0 } owner ? owner.Trim() : null,
        args.Action is null ? args.Verb : args.Verb + " " + args.Action);

    /// <summary>The stores of <paramref name="named"/> that match <c>--store-id</c> and <c>--owner</c>.</summary>
    /// <exception cref="CommandLineException">There is no account <c>--owner</c> names (exit 2).</exception>
    public async Task<IReadOnlyList<NamedStore>> NarrowAsync(IReadOnlyList<NamedStore> named, FunnelDatabase database)
    {
        var left = storeId is { } id ? named.Where(s => s.Id == id).ToList() : named.ToList();
        if (ownerEmail is not null)
        {
            var owner = await UserIdAsync(database, ownerEmail) ?? throw new CommandLineException($"--owner: there is no account '{ownerEmail}'.");
            left = left.Where(s => s.OwnerId == owner).ToList();
        }

        return left;
    }

    /// <summary>The one store left; a mistake (exit 2) naming the ids and the options when several are.</summary>
    public static NamedStore? Single(IReadOnlyList<NamedStore> left, string verb, string name, bool operatorOptions) => left.Count switch
    {
        0 => null,
        1 => left[0],
        _ => throw Ambiguous([.. left.Select(s => s.Id)], verb, name, operatorOptions),
    };

    /// <summary>The mistake (exit 2) of a name that several stores, <paramref name="ids"/>, answer to: it names them and how to choose.</summary>
    public static CommandLineException Ambiguous(IReadOnlyList<int> ids, string verb, string name, bool operatorOptions) => new(
        $"{verb}: '{name.Trim()}' names {ids.Count} stores (ids {string.Join(", ", ids)}); say which with --store-id ID{(operatorOptions ? " or --owner EMAIL" : "")}.");

    /// <summary>The Identity user id of <paramref name="email"/>, or null.</summary>
    public static async Task<string?> UserIdAsync(FunnelDatabase database, string email)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAccountIdentity(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))?.Id;
    }
}
