using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// The out-of-the-box sign-in: when the demo store exists and has no member yet (first run), creates the demo
/// account (<c>Demo:Email</c>, default demo@funnelinsight.local) as its owner, with <c>Demo:Password</c> or a
/// random password printed once to the console log. Nothing is created when the demo is off.
/// </summary>
public sealed partial class DemoAccount(StoreCatalog stores, StoreMemberships memberships, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoAccount> logger)
{
    /// <summary>The demo account's e-mail unless <c>Demo:Email</c> says otherwise.</summary>
    public const string DefaultEmail = "demo@funnelinsight.local";

    /// <summary>Creates the demo account when the demo store has no member.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Enabled", true)
            || await stores.FindOwnedAsync(configuration["Demo:StoreName"] ?? "Demo Store", "", cancellationToken) is not { } store
            || (await memberships.MembersOfAsync(store.Id, cancellationToken)).Count > 0)
        {
            return;
        }

        var email = configuration["Demo:Email"] is { Length: > 0 } configuredEmail ? configuredEmail : DefaultEmail;
        var configured = configuration["Demo:Password"] is { Length: > 0 } configuredPassword ? configuredPassword : null;
        var password = configured ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        string? error;
        if (user is null)
        {
            (user, error) = await AccountIdentity.CreateUserAsync(users, email, password);
        }
        else
        {
            // The store was recreated for an existing demo user: give it the password announced below.
            var reset = await users.RemovePasswordAsync(user);
            reset = reset.Succeeded ? await users.AddPasswordAsync(user, password) : reset;
            error = reset.Succeeded ? null : string.Join(" ", reset.Errors.Select(e => e.Description));
        }

        if (user is null || error is not null)
        {
            LogDemoAccountFailed(logger, email, error ?? "");
            return;
        }

        await memberships.SetAsync(store.Id, user.Id, StoreRole.Owner, cancellationToken);
        LogDemoAccount(logger, email, configured is null ? password : "(the one set in Demo:Password)", store.Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo sign-in: e-mail {Email}, password {Password} (owner of {Store}; shown once, set Demo:Password to choose it)")]
    private static partial void LogDemoAccount(ILogger logger, string email, string password, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo account {Email} could not be created: {Error}")]
    private static partial void LogDemoAccountFailed(ILogger logger, string email, string error);
}
