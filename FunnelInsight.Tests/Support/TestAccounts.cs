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

    /// <summary>Posts the sign-in form as a browser would (antiforgery token included); the form's answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var form = await client.GetStringAsync(new Uri("account/login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("account/login", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
