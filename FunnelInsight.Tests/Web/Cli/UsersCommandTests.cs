namespace FunnelInsight.Tests.Web.Cli;

public abstract class UsersCommandTests(AccountsApp app)
{
    [ProviderFact]
    public async Task Users_add_creates_an_account_that_signs_in_and_sees_its_store()
    {
        var (exitCode, output, error) = await InProcessCommand.RunAsync(app.Db, "a long passphrase\n",
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

    [ProviderFact]
    public async Task Users_set_password_gives_an_existing_account_a_new_password_that_signs_in_and_the_old_one_no_longer_does()
    {
        Assert.Equal(0, (await InProcessCommand.RunAsync(app.Db, "the first passphrase\n",
            "users", "add", "--email", "forgetful@shops.test", "--store", "Alpha Shop", "--role", "analyst")).ExitCode);

        var (exitCode, output, error) = await InProcessCommand.RunAsync(app.Db, "the second passphrase\n",
            "users", "set-password", "--email", "forgetful@shops.test");

        Assert.True(exitCode == 0, error);
        Assert.Equal("{\"email\":\"forgetful@shops.test\",\"passwordSet\":true}", output.Trim());
        using var client = app.App.Client();
        using var old = await TestAccounts.SignInAsync(client, "forgetful@shops.test", "the first passphrase");
        Assert.NotEqual(HttpStatusCode.Redirect, old.StatusCode);
        using var signIn = await TestAccounts.SignInAsync(client, "forgetful@shops.test", "the second passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [ProviderFact]
    public async Task Users_set_password_refuses_a_short_password_and_keeps_the_old_one()
    {
        Assert.Equal(0, (await InProcessCommand.RunAsync(app.Db, "a kept passphrase\n",
            "users", "add", "--email", "kept@shops.test", "--store", "Alpha Shop", "--role", "analyst")).ExitCode);

        var (exitCode, output, error) = await InProcessCommand.RunAsync(app.Db, "short\n", "users", "set-password", "--email", "kept@shops.test");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Equal("users set-password: Passwords must be at least 10 characters.", error.Trim());
        using var client = app.App.Client();
        using var signIn = await TestAccounts.SignInAsync(client, "kept@shops.test", "a kept passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [ProviderFact]
    public async Task Users_set_password_for_an_unknown_address_says_so_and_creates_nobody()
    {
        var (exitCode, _, error) = await InProcessCommand.RunAsync(app.Db, "a long passphrase\n", "users", "set-password", "--email", "nobody@shops.test");

        Assert.Equal(2, exitCode);
        Assert.Equal("users set-password: there is no account nobody@shops.test; users add creates one.", error.Trim());
        Assert.Equal(0, await app.Db.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'nobody@shops.test'"));
    }

    [ProviderFact]
    public async Task Users_add_refuses_a_short_password_and_creates_nobody()
    {
        var (exitCode, output, error) = await InProcessCommand.RunAsync(app.Db, "short\n",
            "users", "add", "--email", "short@shops.test", "--store", "Alpha Shop", "--role", "analyst");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Equal("users add: Passwords must be at least 10 characters.", error.Trim());
        Assert.Equal(0, await app.Db.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'short@shops.test'"));
    }

    [ProviderFact]
    public async Task Users_add_without_a_role_says_what_is_missing()
    {
        var (exitCode, _, error) = await InProcessCommand.RunAsync(app.Db, "", "users", "add", "--email", "x@shops.test", "--store", "Alpha Shop");

        Assert.Equal(2, exitCode);
        Assert.Equal("users add: --role is required.", error.Trim());
    }
}

/// <summary>The tests of <see cref="UsersCommandTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class UsersCommandTestsOnSqlite(AccountsApp app) : UsersCommandTests(app);

/// <summary>The tests of <see cref="UsersCommandTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class UsersCommandTestsOnPostgres(PostgresAccountsApp app) : UsersCommandTests(app), IRunsOnPostgres;
