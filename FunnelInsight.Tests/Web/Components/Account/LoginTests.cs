namespace FunnelInsight.Tests.Web.Components.Account;

public abstract partial class LoginTests(AccountsApp app)
{
    private const string Refused = "Wrong e-mail or password, or the account is locked for 15 minutes after five wrong passwords in a row.";

    [ProviderFact]
    public async Task An_anonymous_page_request_is_sent_to_sign_in_with_its_return_url()
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri($"stores/{app.AlphaId}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl=%2Fstores%2F{app.AlphaId}%2Fmembers", response.Headers.Location?.PathAndQuery);
    }

    [ProviderFact]
    public async Task A_signed_in_user_sees_only_their_own_stores()
    {
        using var client = await app.SignedInAsync("owner");

        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Contains("Alpha Shop", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Bravo", home, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_account_exists()
    {
        using var client = app.App.Client();

        using var wrong = await TestAccounts.SignInAsync(client, AccountsApp.Email("analyst"), "not the password");
        using var unknown = await TestAccounts.SignInAsync(client, "nobody@shops.test", "not the password");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal(Refused, ErrorText(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(Refused, ErrorText(await unknown.Content.ReadAsStringAsync()));
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("FunnelInsight.Auth=", StringComparison.Ordinal)));
    }

    [ProviderFact]
    public async Task A_wrong_password_and_an_unknown_e_mail_take_about_as_long()
    {
        using var client = app.App.Client();
        var known = new List<double>();
        var unknown = new List<double>();
        // Interleaved, and fewer than five wrong passwords, so the account does not lock and load affects both alike.
        for (var i = 0; i < 4; i++)
        {
            known.Add(await TimePostAsync(client, AccountsApp.Email("owner"), "not the password " + i));
            unknown.Add(await TimePostAsync(client, $"nobody{i}@shops.test", "not the password " + i));
        }

        // Before, the password hash made the difference: 144 ms against 1.5 ms.
        Assert.True(Median(unknown) > Median(known) / 3, $"unknown e-mail {Median(unknown):0} ms, wrong password {Median(known):0} ms");
        await TestAccounts.SignInAsync(client, AccountsApp.Email("owner")); // a success resets the owner's failure count
    }

    // Fetches the form, then times only the post of it.
    private static async Task<double> TimePostAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("account/login", UriKind.Relative));
        using var content = TestAccounts.SignInForm(form, email, password);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("account/login", UriKind.Relative), content);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Assert.Equal(Refused, ErrorText(await response.Content.ReadAsStringAsync()));
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [ProviderFact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        using var client = app.App.Client();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TestAccounts.SignInAsync(client, AccountsApp.Email("locked"), "guess " + i);
        }

        using var right = await TestAccounts.SignInAsync(client, AccountsApp.Email("locked"));
        for (var i = 0; i < 6; i++)
        {
            using var unknown = await TestAccounts.SignInAsync(client, "no-such-account@shops.test", "guess " + i);
            Assert.Equal(Refused, ErrorText(await unknown.Content.ReadAsStringAsync()));
        }

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // The same words as for an unknown e-mail after as many tries: a lockout does not tell that the account exists.
        Assert.Equal(Refused, ErrorText(await right.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.Db.CountAsync($"SELECT COUNT(*) FROM AspNetUsers WHERE Email = '{AccountsApp.Email("locked")}' AND LockoutEnd IS NOT NULL"));
    }

    [ProviderFact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_rejected()
    {
        using var client = app.App.Client();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = AccountsApp.Email("owner"),
            ["Input.Password"] = TestAccounts.Password,
        });

        using var response = await client.PostAsync(new Uri("account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [ProviderFact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignedInAsync("analyst");
        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));
        using var form = TestAccounts.SignOutForm(home);

        using var signOut = await client.PostAsync(new Uri("account/logout", UriKind.Relative), form);
        using var after = await client.GetAsync(new Uri("", UriKind.Relative));

        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [ProviderFact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri("account/login", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        // Blazor adds its own "frame-ancestors 'self'"; browsers enforce every policy sent, so 'none' still wins.
        Assert.Contains(response.Headers.GetValues("Content-Security-Policy"), policy => policy.StartsWith("default-src 'self'; script-src 'self';", StringComparison.Ordinal) && policy.EndsWith("frame-ancestors 'none'", StringComparison.Ordinal));
    }

    [ProviderTheory]
    [InlineData("en", "Enter your e-mail.", "Enter your password.")]
    [InlineData("ar", "أدخل بريدك الإلكتروني.", "أدخل كلمة المرور.")]
    public async Task An_empty_form_asks_for_the_e_mail_and_the_password_in_the_user_language(string language, string email, string password)
    {
        using var client = app.App.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var response = await TestAccounts.SignInAsync(client, "", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal([email, password], ValidationMessage().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Empty(ErrorText(html));
    }

    private static string ErrorText(string html) => WebUtility.HtmlDecode(LoginError().Match(html).Groups[1].Value).Trim();

    [GeneratedRegex("class=\"validation-message\"[^>]*>([^<]+)<")]
    private static partial Regex ValidationMessage();

    [GeneratedRegex("id=\"login-error\"[^>]*>(?:\\s*<[^>]+>)*\\s*([^<]+)<")]
    private static partial Regex LoginError();
}

/// <summary>The tests of <see cref="LoginTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class LoginTestsOnSqlite(AccountsApp app) : LoginTests(app);

/// <summary>The tests of <see cref="LoginTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class LoginTestsOnPostgres(PostgresAccountsApp app) : LoginTests(app), IRunsOnPostgres;
