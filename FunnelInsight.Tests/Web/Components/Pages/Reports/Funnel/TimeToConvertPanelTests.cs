using System.Text.Json.Nodes;
using FunnelInsight.Web.Components.Pages.Reports.Funnel;
using Chart = FunnelInsight.Web.Components.UI.ApexChart.ApexChart;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

public sealed class TimeToConvertPanelTests : ReportComponentTest
{
    [Fact]
    public void The_median_and_90th_percentile_read_in_their_two_largest_units()
    {
        // 278 s = 4 min 38 s; 470 s = 7 min 50 s; 3,725 s = 1 h 2 min (5 s dropped); 90,061 s = 1 d 1 h.
        var panel = Render<TimeToConvertPanel>(p => p.Add(c => c.Time, new TimeToConvert(1234, 278, 470, 3725, 90061)));

        Assert.Equal("median 4 min 38 s", panel.Find(".fi-landing-to-purchase .fi-value").TextContent);
        Assert.Equal("9 in 10 within 7 min 50 s", panel.Find(".fi-landing-to-purchase .fi-detail").TextContent);
        Assert.Equal("median 1 h 2 min", panel.Find(".fi-checkout-to-purchase .fi-value").TextContent);
        Assert.Equal("9 in 10 within 1 d 1 h", panel.Find(".fi-checkout-to-purchase .fi-detail").TextContent);
        Assert.StartsWith("Over the 1,234 sessions that bought", panel.Find(".fi-time-to-convert-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_a_minute_reads_in_seconds_and_a_missing_time_as_a_dash()
    {
        var panel = Render<TimeToConvertPanel>(p => p.Add(c => c.Time, new TimeToConvert(3, 42, 59.6, null, null)));

        Assert.Equal("median 42 s", panel.Find(".fi-landing-to-purchase .fi-value").TextContent);
        Assert.Equal("9 in 10 within 1 min 0 s", panel.Find(".fi-landing-to-purchase .fi-detail").TextContent);
        Assert.Equal("median —", panel.Find(".fi-checkout-to-purchase .fi-value").TextContent);
    }

    // 2, 2, 1, 0, 0, 1, 0, 0 purchases from landing; 4, 2 from checkout.
    private static TimeToConvert WithHistogram() => new TimeToConvert(6, 179.5, 7200, 29, 240)
    {
        Histogram = ConversionTimeHistogram.Of([30, 59, 60, 299, 300, 7200], [20, 29, 10, 59, 240, 60]),
    };

    private static JsonNode Options(IRenderedComponent<TimeToConvertPanel> panel) =>
        JsonSerializer.SerializeToNode(panel.FindComponent<Chart>().Instance.Options)!;

    [Fact]
    public void The_histogram_draws_a_bar_per_bucket_from_landing_and_from_checkout_with_counts_and_shares()
    {
        var options = Options(Render<TimeToConvertPanel>(p => p.Add(c => c.Time, WithHistogram())));

        Assert.Equal(["under 1 min", "1 min–5 min", "5 min–15 min", "15 min–30 min", "30 min–1 h", "1 h–3 h", "3 h–1 d", "1 d or more"],
            options["xaxis"]!["categories"]!.AsArray().Select(c => (string)c![0]!));
        var series = options["series"]!.AsArray();
        Assert.Equal(["Landing → purchase", "Checkout → purchase"], series.Select(s => (string)s!["name"]!));
        Assert.Equal([2, 2, 1, 0, 0, 1, 0, 0], series[0]!["data"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([4, 2, 0, 0, 0, 0, 0, 0], series[1]!["data"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("2 purchases (33.3%)", (string)options["tooltip"]!["texts"]![0]![0]!);
    }

    [Fact]
    public void Without_purchases_there_is_no_histogram()
    {
        var panel = Render<TimeToConvertPanel>(p => p.Add(c => c.Time, new TimeToConvert(0, null, null, null, null)));

        Assert.Empty(panel.FindAll(".fi-time-histogram"));
    }

    [Fact]
    public void In_arabic_the_buckets_read_in_arabic_units_right_to_left()
    {
        UseCulture("ar");

        var options = Options(Render<TimeToConvertPanel>(p => p.Add(c => c.Time, WithHistogram())));

        var categories = options["xaxis"]!["categories"]!.AsArray().Select(c => FunnelInsight.Web.Components.UI.Bidi.Plain((string)c![0]!)).ToArray();
        Assert.Equal("1 يوم أو أكثر", categories[0]);
        Assert.Equal("أقل من 1 د", categories[^1]);
    }

    [Fact]
    public void In_arabic_each_bucket_label_is_isolated_so_a_range_reads_from_its_start_on_the_right()
    {
        UseCulture("ar");

        var options = Options(Render<TimeToConvertPanel>(p => p.Add(c => c.Time, WithHistogram())));

        // The chart draws its text left to right: without a first-strong isolate "1 س–3 س" is drawn "س–3 س 1".
        var categories = options["xaxis"]!["categories"]!.AsArray().Select(c => (string)c![0]!).ToArray();
        Assert.Equal("\u20681 س–3 س\u2069", categories[2]);
        Assert.All(categories, c => Assert.True(c.StartsWith('\u2068') && c.EndsWith('\u2069'), c));
    }
}
