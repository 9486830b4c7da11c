namespace FunnelInsight.Tests.Web;

/// <summary>
/// The README's reverse-proxy set-up, over real HTTP: the app (in the test process) started with <c>AllowedHosts=shop.example;127.0.0.1</c>, and requests
/// carrying what the README's nginx example forwards (<c>Host</c>, <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto: https</c>)
/// from loopback, where the proxy runs.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private TempDatabase? _db;
    private InProcessApp? _app;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        await TestAccounts.CreateUserAsync(_db, "proxy@shops.test");
        _app = await InProcessApp.StartAsync(_db, new Dictionary<string, string> { ["AllowedHosts"] = "shop.example;127.0.0.1" });
    }

    public async Task DisposeAsync()
    {
        await _app!.DisposeAsync();
        await _db!.DisposeAsync();
    }

    // Cookies by hand: a cookie container would keep a Secure cookie from this plain-http connection to the app.
    private HttpClient Proxied(string host = "shop.example", string proto = "https")
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app!.Address };
        client.DefaultRequestHeaders.Host = host;
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    [Fact]
    public async Task Behind_a_tls_proxy_cookies_are_secure_redirects_stay_on_https_and_hsts_is_sent()
    {
        using var client = Proxied();

        using var form = await client.GetAsync(new Uri("account/login", UriKind.Relative));
        using var challenge = await client.GetAsync(new Uri("stores/1/overview", UriKind.Relative));
        using var signIn = await SignInAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("https://shop.example/account/login?", challenge.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(challenge.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS header");
        Assert.Contains("max-age=31536000", hsts.Single(), StringComparison.Ordinal);
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("FunnelInsight.Auth=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts_and_no_secure_cookie()
    {
        using var client = Proxied(proto: "http");
        using var form = await client.GetAsync(new Uri("account/login", UriKind.Relative));

        using var signIn = await SignInAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    // Posts the sign-in form of <paramref name="form"/> with its antiforgery cookie and token.
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, HttpResponseMessage form)
    {
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("account/login", UriKind.Relative))
        {
            Content = TestAccounts.SignInForm(await form.Content.ReadAsStringAsync(), "proxy@shops.test"),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public void The_shipped_settings_answer_only_local_host_names_until_a_deployment_names_its_own()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

        Assert.Equal("localhost;127.0.0.1;[::1]", settings.RootElement.GetProperty("AllowedHosts").GetString());
    }

    [Fact]
    public async Task A_host_that_is_not_allowed_is_refused_instead_of_being_written_into_redirects()
    {
        using var client = Proxied(host: "evil.example");

        using var response = await client.GetAsync(new Uri("stores/1/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
