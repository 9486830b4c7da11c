using System.Net;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Web.Cli;

[Collection(AccountsApp.Collection)]
public sealed class UsersCommandTests(AccountsApp app)
{
    [Fact]
    public async Task Users_add_creates_an_account_that_signs_in_and_sees_its_store()
    {
        var (exitCode, output, error) = await TestApp.RunCommandAsync(app.Db, "a long passphrase\n",
            "users", "add", "--email", "cli@shops.test", "--store", "Alpha Shop", "--role", "marketer");

        Assert.True(exitCode == 0, error);
        Assert.Equal($"{{\"email\":\"cli@shops.test\",\"userCreated\":true,\"storeId\":{app.AlphaId},\"store\":\"Alpha Shop\",\"role\":\"marketer\"}}", output.Trim());
        using var client = app.App.Client();
        using var signIn = await TestAccounts.SignInAsync(client, "cli@shops.test", "a long passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));
        Assert.Contains("Marketer", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Bravo", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_a_short_password_and_creates_nobody()
    {
        var (exitCode, output, error) = await TestApp.RunCommandAsync(app.Db, "short\n",
            "users", "add", "--email", "short@shops.test", "--store", "Alpha Shop", "--role", "analyst");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Equal("users add: Passwords must be at least 10 characters.", error.Trim());
        Assert.Equal(0, await app.Db.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'short@shops.test'"));
    }

    [Fact]
    public async Task Users_add_without_a_role_says_what_is_missing()
    {
        var (exitCode, _, error) = await TestApp.RunCommandAsync(app.Db, "", "users", "add", "--email", "x@shops.test", "--store", "Alpha Shop");

        Assert.Equal(2, exitCode);
        Assert.Equal("users add: --role is required.", error.Trim());
    }
}
