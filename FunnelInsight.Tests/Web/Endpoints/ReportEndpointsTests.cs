using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Endpoints;

public abstract class ReportEndpointsTests(AccountsApp app)
{
    [ProviderFact]
    public async Task An_analysts_token_downloads_the_report_of_their_own_store()
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // Named after the store, the report and its period; the metadata is the sidecar the Link header names.
        Assert.Equal("alpha-shop-funnel-all-time.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"</api/stores/{app.AlphaId}/reports/funnel.about.csv>; rel=\"describedby\"; type=\"text/csv\"", response.Headers.GetValues("Link").Single());
        // The real funnel of Alpha's import: two sessions land, one reaches product and cart (its third row was rejected).
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("segment,stage,reached,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["landing", "2"], lines[1].Split(',')[1..3]);
        Assert.Equal(["product", "1"], lines[2].Split(',')[1..3]);
    }

    [ProviderFact]
    public async Task An_anonymous_api_request_gets_a_401_problem_with_a_bearer_challenge()
    {
        using var client = app.App.Client();

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.json", UriKind.Relative));

        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [ProviderTheory]
    [InlineData("funnel.json")]
    [InlineData("leaks.csv")]
    [InlineData("customers.xlsx")]
    public async Task A_token_of_store_a_asking_for_store_b_gets_a_404_problem_and_none_of_bs_data(string report)
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.BravoId}/reports/{report}", UriKind.Relative));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Bravo", problem.GetRawText(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_token_limited_to_one_store_cannot_reach_another_store_its_user_belongs_to()
    {
        using var client = app.WithToken("limited");

        using var alpha = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/abandonment.json", UriKind.Relative));
        using var bravo = await client.GetAsync(new Uri($"api/stores/{app.BravoId}/reports/abandonment.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alpha.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bravo.StatusCode);
        Assert.DoesNotContain("Bravo", await bravo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_marketer_cannot_export_by_token_or_signed_in()
    {
        using var byToken = app.WithToken("marketer");
        using var signedIn = await app.SignedInAsync("marketer");

        using var api = await byToken.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/leaks.csv", UriKind.Relative));
        using var page = await signedIn.GetAsync(new Uri($"stores/{app.AlphaId}/reports/leaks.csv", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (api.StatusCode, page.StatusCode));
        await Problems.AssertAsync(api, HttpStatusCode.Forbidden);
    }

    [ProviderTheory]
    [InlineData("revoked")]
    [InlineData("fi_not-a-token")]
    public async Task A_revoked_or_unknown_token_gets_401(string token)
    {
        using var client = app.App.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Tokens.GetValueOrDefault(token, token));

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/funnel.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_signed_in_analyst_exports_their_store_and_gets_404_for_another()
    {
        using var client = await app.SignedInAsync("analyst");

        using var own = await client.GetAsync(new Uri($"stores/{app.AlphaId}/reports/friction.json", UriKind.Relative));
        using var other = await client.GetAsync(new Uri($"stores/{app.BravoId}/reports/friction.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"source\": \"Baymard Institute\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refusal = await Problems.AssertAsync(other, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Bravo", refusal.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [ProviderTheory]
    [InlineData("revenue.csv")]
    [InlineData("funnel.exe")]
    public async Task An_unknown_report_or_format_is_not_found(string report)
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/reports/{report}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The exports of a store owned by the account "exporter" (the sample's hand-counted shop), by page and by command line.
    private async Task<string> CommandLineAsync(params string[] args)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await ReportCommand.RunAsync(CommandGrammar.Read(["report", .. args]), new CommandAccess(app.Db.Database, app.Tokens["exporter"]), new FunnelInsight.Web.Services.Reports.ReportExporter(new FunnelAnalytics(app.Db.Database), new StoreSettingsService(app.Db.Database), app.Db.Database), new SavedFunnels(app.Db.Database), output, CancellationToken.None));
        return output.ToString();
    }

    [ProviderTheory]
    [InlineData("funnel", "json")]
    [InlineData("funnel", "csv")]
    [InlineData("leaks", "csv")]
    [InlineData("abandonment", "csv")]
    [InlineData("customers", "json")]
    [InlineData("friction", "json")]
    public async Task A_download_is_exactly_what_the_report_verb_writes_for_the_same_filters(string kind, string format)
    {
        var name = $"Export {kind} {format}";
        var storeId = await app.ImportSampleAsync(name);
        using var http = await app.SignedInAsync("exporter");

        var downloaded = await http.GetStringAsync(new Uri($"stores/{storeId}/reports/{kind}.{format}?from=2024-03-05&device=mobile&breakdown=channel&mode=open", UriKind.Relative));
        var printed = await CommandLineAsync(kind, "--store", name, "--from", "2024-03-05", "--device", "mobile", "--breakdown", "channel", "--mode", "open", "--format", format);

        // The same bytes but for the moment each was made (JSON's meta.generatedUtc).
        Assert.Equal(WithoutTime(printed), WithoutTime(downloaded));
    }

    private static string WithoutTime(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"generatedUtc\": \"[^\"]*\"", "\"generatedUtc\": \"\"");

    [ProviderFact]
    public async Task The_leak_csv_carries_the_hand_counted_leaks_of_the_sample()
    {
        var storeId = await app.ImportSampleAsync("Export leaks");
        using var http = await app.SignedInAsync("exporter");

        var csv = (await http.GetStringAsync(new Uri($"stores/{storeId}/reports/leaks.csv", UriKind.Relative))).ReplaceLineEndings("\n").Split('\n');

        Assert.StartsWith("rank,key,from,to,reached,lost,", csv[0], StringComparison.Ordinal);
        var lost = csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(c => c[1], c => (Reached: c[4], Lost: c[5]));
        Assert.Equal(("12", "2"), lost["landing_to_product"]);
        Assert.Equal(("10", "2"), lost["product_to_cart"]);
        Assert.Equal(("8", "1"), lost["cart_to_checkout"]);
        Assert.Equal(("1", "1"), lost["checkout_account"]);
    }

    [ProviderFact]
    public async Task The_xlsx_download_is_a_workbook()
    {
        var storeId = await app.ImportSampleAsync("Export workbook");
        using var http = await app.SignedInAsync("exporter");

        using var response = await http.GetAsync(new Uri($"stores/{storeId}/reports/leaks.xlsx", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal("attachment; filename=export-workbook-leaks-all-time.xlsx; filename*=UTF-8''export-workbook-leaks-all-time.xlsx", response.Content.Headers.ContentDisposition!.ToString());
    }

    [ProviderFact]
    public async Task A_hostile_store_name_and_filter_value_give_a_plain_file_name_and_the_csv_sidecar_says_what_it_is_of()
    {
        var storeId = await app.CreateStoreAsync("../متجر \"x\"; evil\\");
        var query = "?from=2024-03-01&to=2024-03-31&device=" + Uri.EscapeDataString("\"; x=../");
        using var http = await app.SignedInAsync("exporter");

        using var response = await http.GetAsync(new Uri($"stores/{storeId}/reports/leaks.csv{query}", UriKind.Relative));
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("متجر-x-evil-leaks-2024-03-01-to-2024-03-31-device-x.csv", disposition.FileNameStar);
        // The plain filename, for clients that do not read filename*, is ASCII with nothing that could end the header or climb a folder.
        Assert.Matches("^\"?[A-Za-z0-9_.-]+\"?$", disposition.FileName!);
        Assert.DoesNotContain("..", disposition.FileName!, StringComparison.Ordinal);

        var link = response.Headers.GetValues("Link").Single();
        var sidecarPath = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        Assert.Equal($"/stores/{storeId}/reports/leaks.about.csv{query}", sidecarPath);
        using var sidecar = await http.GetAsync(new Uri(sidecarPath, UriKind.Relative));
        var lines = (await sidecar.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("متجر-x-evil-leaks-2024-03-01-to-2024-03-31-device-x.about.csv", sidecar.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("field,value", lines[0]);
        Assert.Contains("store,\"../متجر \"\"x\"\"; evil\\\"", lines);
        Assert.Contains("from,2024-03-01", lines);
        Assert.Contains("timeZone,UTC", lines);
        Assert.Contains("filter:device,\"\"\"; x=../\"", lines);
    }

    [ProviderTheory]
    [InlineData("/stores/{0}/reports/secrets.csv")]
    [InlineData("/stores/{0}/reports/leaks.pdf")]
    [InlineData("/stores/987654/reports/leaks.csv")]
    public async Task Unknown_reports_formats_and_stores_are_not_found(string path)
    {
        var storeId = await app.CreateStoreAsync("Export missing");
        using var http = await app.SignedInAsync("exporter");

        using var response = await http.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, storeId), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The tests of <see cref="ReportEndpointsTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class ReportEndpointsTestsOnSqlite(AccountsApp app) : ReportEndpointsTests(app);

/// <summary>The tests of <see cref="ReportEndpointsTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class ReportEndpointsTestsOnPostgres(PostgresAccountsApp app) : ReportEndpointsTests(app), IRunsOnPostgres;
