using FunnelInsight.Core.Stores;
using System.Net;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Tests.Web.Browser;
using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Endpoints;

[Collection(DashboardInChromium.Name)]
public sealed class ReportEndpointTests(DashboardApp app) : IAsyncLifetime
{
    private HttpClient _http = null!;

    public async Task InitializeAsync() => _http = await app.SignedInClientAsync();

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> CommandLineAsync(params string[] args)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await ReportCommand.RunAsync(CommandGrammar.Read(["report", .. args]), new CommandAccess(app.Database, await app.CreateTokenAsync()), new FunnelInsight.Web.Services.Reports.ReportExporter(new SqliteFunnelAnalytics(app.Database), new StoreSettingsService(app.Database), app.Database), new SavedFunnels(app.Database), output, CancellationToken.None));
        return output.ToString();
    }

    [Theory]
    [InlineData("funnel", "json")]
    [InlineData("funnel", "csv")]
    [InlineData("leaks", "csv")]
    [InlineData("abandonment", "csv")]
    [InlineData("customers", "json")]
    [InlineData("friction", "json")]
    public async Task A_download_is_exactly_what_the_report_verb_writes_for_the_same_filters(string kind, string format)
    {
        var name = $"Export {kind} {format}";
        var storeId = await ReportSample.ImportAsync(app, name);

        var downloaded = await _http.GetStringAsync(new Uri($"{app.BaseUrl}/stores/{storeId}/reports/{kind}.{format}?from=2024-03-05&device=mobile&breakdown=channel&mode=open"));
        var printed = await CommandLineAsync(kind, "--store", name, "--from", "2024-03-05", "--device", "mobile", "--breakdown", "channel", "--mode", "open", "--format", format);

        // The same bytes but for the moment each was made (JSON's meta.generatedUtc).
        Assert.Equal(WithoutTime(printed), WithoutTime(downloaded));
    }

    private static string WithoutTime(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"generatedUtc\": \"[^\"]*\"", "\"generatedUtc\": \"\"");

    [Fact]
    public async Task The_leak_csv_carries_the_hand_counted_leaks_of_the_sample()
    {
        var storeId = await ReportSample.ImportAsync(app, "Export leaks");

        var csv = (await _http.GetStringAsync(new Uri($"{app.BaseUrl}/stores/{storeId}/reports/leaks.csv"))).ReplaceLineEndings("\n").Split('\n');

        Assert.StartsWith("rank,key,from,to,reached,lost,", csv[0], StringComparison.Ordinal);
        var lost = csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(c => c[1], c => (Reached: c[4], Lost: c[5]));
        Assert.Equal(("12", "2"), lost["landing_to_product"]);
        Assert.Equal(("10", "2"), lost["product_to_cart"]);
        Assert.Equal(("8", "1"), lost["cart_to_checkout"]);
        Assert.Equal(("1", "1"), lost["checkout_account"]);
    }

    [Fact]
    public async Task The_xlsx_download_is_a_workbook()
    {
        var storeId = await ReportSample.ImportAsync(app, "Export workbook");

        using var response = await _http.GetAsync(new Uri($"{app.BaseUrl}/stores/{storeId}/reports/leaks.xlsx"));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal("attachment; filename=export-workbook-leaks-all-time.xlsx; filename*=UTF-8''export-workbook-leaks-all-time.xlsx", response.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task A_hostile_store_name_and_filter_value_give_a_plain_file_name_and_the_csv_sidecar_says_what_it_is_of()
    {
        var storeId = await app.CreateStoreAsync("../متجر \"x\"; evil\\");
        var query = "?from=2024-03-01&to=2024-03-31&device=" + Uri.EscapeDataString("\"; x=../");

        using var response = await _http.GetAsync(new Uri($"{app.BaseUrl}/stores/{storeId}/reports/leaks.csv{query}"));
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("متجر-x-evil-leaks-2024-03-01-to-2024-03-31-device-x.csv", disposition.FileNameStar);
        // The plain filename, for clients that do not read filename*, is ASCII with nothing that could end the header or climb a folder.
        Assert.Matches("^\"?[A-Za-z0-9_.-]+\"?$", disposition.FileName!);
        Assert.DoesNotContain("..", disposition.FileName!, StringComparison.Ordinal);

        var link = response.Headers.GetValues("Link").Single();
        var sidecarPath = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        Assert.Equal($"/stores/{storeId}/reports/leaks.about.csv{query}", sidecarPath);
        using var sidecar = await _http.GetAsync(new Uri(app.BaseUrl + sidecarPath));
        var lines = (await sidecar.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("متجر-x-evil-leaks-2024-03-01-to-2024-03-31-device-x.about.csv", sidecar.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("field,value", lines[0]);
        Assert.Contains("store,\"../متجر \"\"x\"\"; evil\\\"", lines);
        Assert.Contains("from,2024-03-01", lines);
        Assert.Contains("timeZone,UTC", lines);
        Assert.Contains("filter:device,\"\"\"; x=../\"", lines);
    }

    [Theory]
    [InlineData("/stores/{0}/reports/secrets.csv")]
    [InlineData("/stores/{0}/reports/leaks.pdf")]
    [InlineData("/stores/987654/reports/leaks.csv")]
    public async Task Unknown_reports_formats_and_stores_are_not_found(string path)
    {
        var storeId = await app.CreateStoreAsync("Export missing");

        using var response = await _http.GetAsync(new Uri(app.BaseUrl + string.Format(System.Globalization.CultureInfo.InvariantCulture, path, storeId)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
