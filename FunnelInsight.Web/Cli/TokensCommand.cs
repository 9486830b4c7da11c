using FunnelInsight.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>tokens create --email E [--store NAME] [--name LABEL]</c>: an operator verb (like <c>users add</c>, for whoever
/// can open the database) that creates a personal API token for the account and prints it once, as the tokens page
/// does, so scripts and CI can use the API without a browser. With <c>--store</c> the token reaches only that store,
/// which the account must be a member of.
/// </summary>
internal static class TokensCommand
{
    public static async Task<int> RunAsync(CommandArguments command, FunnelDatabase database, TextWriter output, CancellationToken cancellationToken)
    {
        var email = command.Required("email").Trim();
        var services = new ServiceCollection().AddLogging();
        services.AddAccountIdentity(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email)
            ?? throw new CommandLineException($"tokens create: no account '{email}' (create it with users add).");

        int? storeId = null;
        if (command.Get("store") is { } storeName)
        {
            // Among the stores of that name, those the account belongs to (names are unique per owner only).
            var memberships = new StoreMemberships(database);
            var mine = (await memberships.StoresOfAsync(user.Id, cancellationToken)).Select(m => m.StoreId).ToHashSet();
            var named = await StoreChoice.For(command).NarrowAsync(await new StoreCatalog(database).FindAllAsync(storeName, cancellationToken), database);
            var store = StoreChoice.Single([.. named.Where(s => mine.Contains(s.Id))], "tokens create", storeName, operatorOptions: true);
            if (store is null)
            {
                throw new CommandLineException($"tokens create: '{email}' is not a member of a store '{storeName.Trim()}'.", CommandLineException.Refused);
            }

            storeId = store.Id;
        }

        var created = await new ApiTokens(database).CreateAsync(user.Id, command.Get("name") ?? "command line", storeId, cancellationToken);
        await output.WriteLineAsync(created.Secret);
        return 0;
    }
}
