using System.Net;
using System.Text.RegularExpressions;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Web.Components.Account;

[Collection(AccountsApp.Collection)]
public sealed partial class LoginTests(AccountsApp app)
{
    [Fact]
    public async Task An_anonymous_page_request_is_sent_to_sign_in_with_its_return_url()
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri($"stores/{app.AlphaId}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl=%2Fstores%2F{app.AlphaId}%2Fmembers", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_user_sees_only_their_own_stores()
    {
        using var client = await app.SignedInAsync("owner");

        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Contains("Alpha Shop", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Bravo", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_account_exists()
    {
        using var client = app.App.Client();

        using var wrong = await TestAccounts.SignInAsync(client, AccountsApp.Email("analyst"), "not the password");
        using var unknown = await TestAccounts.SignInAsync(client, "nobody@shops.test", "not the password");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal("Wrong e-mail or password.", ErrorText(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal("Wrong e-mail or password.", ErrorText(await unknown.Content.ReadAsStringAsync()));
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("FunnelInsight.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        using var client = app.App.Client();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TestAccounts.SignInAsync(client, AccountsApp.Email("locked"), "guess " + i);
        }

        using var right = await TestAccounts.SignInAsync(client, AccountsApp.Email("locked"));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("Too many failed sign-ins: this account is locked for 15 minutes.", ErrorText(await right.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.Db.CountAsync($"SELECT COUNT(*) FROM AspNetUsers WHERE Email = '{AccountsApp.Email("locked")}' AND LockoutEnd IS NOT NULL"));
    }

    [Fact]
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

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignedInAsync("analyst");
        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));
        var token = AntiforgeryField().Match(home).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });

        using var signOut = await client.PostAsync(new Uri("account/logout", UriKind.Relative), form);
        using var after = await client.GetAsync(new Uri("", UriKind.Relative));

        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
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

    [Theory]
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
