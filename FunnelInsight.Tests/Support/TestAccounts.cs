using System.Net;
using System.Text.RegularExpressions;
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelInsight.Tests.Support;

/// <summary>Creates accounts in a test database and signs in through the real sign-in form.</summary>
public static partial class TestAccounts
{
    /// <summary>The password every test account gets.</summary>
    public const string Password = "correct horse battery";

    /// <summary>Creates a user (migrating the accounts tables first); returns the user's id.</summary>
    public static Task<string> CreateUserAsync(TempDatabase db, string email, string password = Password) => CreateUserAsync(db.Database, email, password);

    /// <summary>Creates a user in <paramref name="database"/> (migrating the accounts tables first); returns the user's id.</summary>
    public static async Task<string> CreateUserAsync(FunnelDatabase database, string email, string password = Password)
    {
        await AccountsDatabase.MigrateAsync(database);
        var services = new ServiceCollection().AddLogging();
        services.AddAccountIdentity(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var (user, error) = await AccountIdentity.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), email, password);
        return user?.Id ?? throw new InvalidOperationException(error);
    }

    /// <summary>Runs <paramref name="change"/> on the account <paramref name="email"/> through Identity's user manager, as an operator would.</summary>
    public static async Task ChangeUserAsync(FunnelDatabase database, string email, Func<UserManager<IdentityUser>, IdentityUser, Task<IdentityResult>> change)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAccountIdentity(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no account " + email);
        var result = await change(users, user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Posts the sign-in form as a browser would (antiforgery token included), with <paramref name="returnUrl"/> (as given, already encoded) in its address; the form's answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password, string? returnUrl = null)
    {
        var login = new Uri("account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + returnUrl), UriKind.Relative);
        var form = await client.GetStringAsync(login);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(login, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
