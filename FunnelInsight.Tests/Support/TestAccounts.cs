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
        using var content = SignInForm(await client.GetStringAsync(login), email, password);
        return await client.PostAsync(login, content);
    }

    /// <summary>The sign-in form's fields as a browser posts them, with the antiforgery token of the sign-in page <paramref name="page"/>.</summary>
    public static FormUrlEncodedContent SignInForm(string page, string email, string password = Password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = AntiforgeryToken(page),
        ["_handler"] = "login",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    });

    /// <summary>The sign-out form as a signed-in page <paramref name="page"/> posts it: only its antiforgery token.</summary>
    public static FormUrlEncodedContent SignOutForm(string page) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(page) });

    /// <summary>The antiforgery token of the form in <paramref name="page"/>, decoded as a browser sends it back.</summary>
    public static string AntiforgeryToken(string page) => WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
