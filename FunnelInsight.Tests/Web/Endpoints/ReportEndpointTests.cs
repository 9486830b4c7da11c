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
        Assert.Equal(0, await ReportCommand.RunAsync(CommandGrammar.Read(["report", .. args]), new CommandAccess(app.Database, await app.CreateTokenAsync()), new FunnelInsight.Web.Services.Reports.ReportExporter(new SqliteFunnelAnalytics(app.Database), new StoreSettingsService(app.Database)), new SavedFunnels(app.Database), output, CancellationToken.None));
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

        Assert.Equal(printed, downloaded);
    }

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
        Assert.Equal($"attachment; filename=\"store-{storeId}-leaks.xlsx\"", response.Content.Headers.ContentDisposition!.ToString());
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
