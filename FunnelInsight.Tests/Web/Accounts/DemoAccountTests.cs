using FunnelInsight.Web.Accounts;

namespace FunnelInsight.Tests.Web.Accounts;

public sealed partial class DemoAccountTests
{
    private const string Events = "event_time,event_type,session_id\n2024-03-01T10:00:00Z,session_start,d1\n2024-03-01T10:03:00Z,purchase,d1\n";

    [Fact]
    public async Task The_first_run_creates_a_demo_owner_whose_random_password_is_printed_once_and_signs_in()
    {
        await using var db = await TempDatabase.CreateAsync();
        db.WriteFile(DemoStoreLoader.EventsFile, Events);
        var demo = new Dictionary<string, string> { ["Demo__Enabled"] = "true", ["Demo__DataFolder"] = db.Folder };

        string password;
        await using (var first = await InProcessApp.StartAsync(db, demo))
        {
            password = DemoPassword().Match(first.Log).Groups[1].Value;
            Assert.True(password.Length >= AccountIdentity.MinPasswordLength, first.Log);
            using var client = first.Client();
            using var signIn = await TestAccounts.SignInAsync(client, DemoAccount.DefaultEmail, password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var home = await client.GetStringAsync(new Uri("", UriKind.Relative));
            Assert.Contains("Demo Store", home, StringComparison.Ordinal);
            Assert.Contains("Owner", home, StringComparison.Ordinal);
        }

        await using var second = await InProcessApp.StartAsync(db, demo);
        Assert.DoesNotContain("Demo sign-in", second.Log, StringComparison.Ordinal);
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM StoreMembers"));
    }

    [Fact]
    public async Task With_the_demo_off_no_account_exists()
    {
        await using var db = await TempDatabase.CreateAsync();
        db.WriteFile(DemoStoreLoader.EventsFile, Events);

        await using var app = await InProcessApp.StartAsync(db, new Dictionary<string, string> { ["Demo__DataFolder"] = db.Folder });

        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
        Assert.DoesNotContain("Demo sign-in", app.Log, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Demo sign-in: e-mail demo@funnelinsight\.local, password (\S+) \(owner of Demo Store")]
    private static partial Regex DemoPassword();
}
