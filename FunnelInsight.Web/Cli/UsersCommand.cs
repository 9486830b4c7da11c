using System.Text;
using FunnelInsight.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>users add --email E --store NAME --role owner|analyst|marketer</c>: creates the account when it is new
/// (password read from stdin, or prompted without echo on a terminal) and makes it a member of the store
/// (created if needed) with the role. <c>users set-password --email E</c>: gives an existing account a new
/// password, read the same way (a lost one, the demo's included), and lifts a sign-in lockout. Each prints one JSON line.
/// </summary>
internal static class UsersCommand
{
    public const string Usage = "users add --email E --store NAME --role owner|analyst|marketer | users set-password --email E";

    public static async Task<int> RunAsync(CommandArguments command, FunnelDatabase database, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.Equals(command.Action, "set-password", StringComparison.OrdinalIgnoreCase))
        {
            return await SetPasswordAsync(command, database, input, output, error);
        }

        if (!string.Equals(command.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandLineException("usage: " + Usage);
        }

        var email = command.Required("email").Trim();
        var storeName = command.Required("store");
        var role = Enum.TryParse<StoreRole>(command.Required("role"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new CommandLineException("users add: --role is owner, analyst or marketer.");

        var services = new ServiceCollection().AddLogging();
        services.AddAccountIdentity(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            var password = ReadPassword("users add", email, input, error);
            (user, var refused) = await AccountIdentity.CreateUserAsync(users, email, password);
            if (user is null)
            {
                throw new CommandLineException("users add: " + refused);
            }
        }

        // A name several owners use needs --store-id or --owner; a new store added with its owner is theirs (their names are unique).
        var catalog = new StoreCatalog(database);
        var named = await StoreChoice.For(command).NarrowAsync(await catalog.FindAllAsync(storeName, cancellationToken), database);
        var store = StoreChoice.Single(named, "users add", storeName, operatorOptions: true)
            ?? await catalog.GetOrCreateAsync(storeName, role == StoreRole.Owner ? user.Id : "", cancellationToken);
        await new StoreMemberships(database).SetAsync(store.Id, user.Id, role, cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            email = user.Email,
            userCreated = created,
            storeId = store.Id,
            store = store.Name,
            role = role.ToString().ToLowerInvariant(),
        }));
        return 0;
    }

    private static async Task<int> SetPasswordAsync(CommandArguments command, FunnelDatabase database, TextReader input, TextWriter output, TextWriter error)
    {
        var email = command.Required("email").Trim();
        var services = new ServiceCollection().AddLogging();
        services.AddAccountIdentity(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email)
            ?? throw new CommandLineException($"users set-password: there is no account {email}; users add creates one.");

        // Checked before anything changes, so a refused password leaves the old one working.
        var password = ReadPassword("users set-password", email, input, error);
        foreach (var validator in users.PasswordValidators)
        {
            var verdict = await validator.ValidateAsync(users, user, password);
            if (!verdict.Succeeded)
            {
                throw new CommandLineException("users set-password: " + string.Join(" ", verdict.Errors.Select(e => e.Description)));
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        // A new security stamp signs the account out of every browser that held the old password.
        Check(await users.UpdateSecurityStampAsync(user));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        await output.WriteLineAsync(JsonSerializer.Serialize(new { email = user.Email, passwordSet = true }));
        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>One line from stdin; on a terminal, a prompt on stderr and typed keys that are not echoed.</summary>
    private static string ReadPassword(string verb, string email, TextReader input, TextWriter error)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine() ?? throw new CommandLineException($"{verb}: no password on standard input.");
        }

        error.Write($"Password for {email} (at least {AccountIdentity.MinPasswordLength} characters): ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        error.WriteLine();
        return password.ToString();
    }
}
