using System.Text.Json.Nodes;
using FunnelInsight.Web.Components.Pages.Reports.Funnel;
using Chart = FunnelInsight.Web.Components.UI.ApexChart.ApexChart;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

public sealed class TrendChartTests : ReportComponentTest
{
    // A week whose sessions all land, half view, half of those add to cart, all of those check out, half buy.
    private static FunnelTrendPoint Week(DateOnly monday, long landed, bool partial) =>
        new(monday, HalvingFunnel.Segment(monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), landed))
        {
            PeriodEnd = monday.AddDays(6),
            Granularity = TrendGranularity.Weekly,
            Partial = partial,
        };

    // 800 landings, 100 of 200 checkouts buy: a full week. 16 landings, 2 of 4 buy: the last week, cut by the range.
    private static readonly IReadOnlyList<FunnelTrendPoint> TwoWeeks =
        [Week(new DateOnly(2024, 3, 4), 800, partial: false), Week(new DateOnly(2024, 3, 11), 16, partial: true)];

    private static JsonNode Options(IRenderedComponent<TrendChart> chart) =>
        JsonSerializer.SerializeToNode(chart.FindComponent<Chart>().Instance.Options)!;

    [Fact]
    public void Each_rate_gets_a_line_and_its_95_percent_interval_as_a_band_on_a_percent_axis()
    {
        var options = Options(Render<TrendChart>(p => p.Add(c => c.Points, TwoWeeks)));

        var series = options["series"]!.AsArray();
        Assert.Equal(["line", "rangeArea", "line", "rangeArea"], series.Select(s => (string)s!["type"]!));
        Assert.Equal("Overall conversion: 95% interval", (string)series[1]!["name"]!);
        // Overall 100 of 800 = 12.5%, Wilson 10.39%–14.97%; checkout → purchase 100 of 200 = 50%, Wilson 43.14%–56.86%.
        Assert.Equal(12.5, (double)series[0]!["data"]![0]!["y"]!);
        Assert.Equal([10.39, 14.97], series[1]!["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([43.14, 56.86], series[3]!["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("%", (string)options["yaxis"]!["labels"]!["suffix"]!);
        Assert.Equal(100, (int)options["yaxis"]!["max"]!);
    }

    [Fact]
    public void A_partial_or_small_sample_week_is_drawn_hollow_and_says_why_in_its_tooltip()
    {
        var chart = Render<TrendChart>(p => p.Add(c => c.Points, TwoWeeks));
        var options = Options(chart);

        // The second week, on both lines (series 0 and 2): partial, and 16 landings / 4 checkouts are under 30.
        var hollow = options["markers"]!["discrete"]!.AsArray();
        Assert.Equal([(0, 1), (2, 1)], hollow.Select(m => ((int)m!["seriesIndex"]!, (int)m["dataPointIndex"]!)));
        var overall = options["tooltip"]!["texts"]![0]!.AsArray().Select(t => (string)t!).ToList();
        Assert.Equal("12.5%", overall[0]);
        Assert.Equal("12.5% (partial period, only 16 at its base)", overall[1]);
        Assert.Equal("50.0% (partial period, only 4 at its base)", options["tooltip"]!["texts"]![2]![1]!.GetValue<string>());
        Assert.Equal("10.4% – 15.0%", options["tooltip"]!["texts"]![1]![0]!.GetValue<string>());
        Assert.Contains("Partial periods: 11 Mar.", chart.Find(".fi-trend-partial").TextContent, StringComparison.Ordinal);
        Assert.Contains("fewer than 30", chart.Find(".fi-trend-key").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void In_arabic_the_weeks_run_from_the_right_and_the_marks_are_arabic()
    {
        UseCulture("ar");
        var chart = Render<TrendChart>(p => p.Add(c => c.Points, TwoWeeks));
        var options = Options(chart);

        // The partial week comes first, so its hollow points are at index 0.
        var hollow = options["markers"]!["discrete"]!.AsArray();
        Assert.All(hollow, m => Assert.Equal(0, (int)m!["dataPointIndex"]!));
        Assert.Equal(12.5, (double)options["series"]![0]!["data"]![1]!["y"]!);
        Assert.True((bool)options["yaxis"]!["opposite"]!);
        Assert.Equal("%", (string)options["yaxis"]!["labels"]!["suffix"]!);
        Assert.Contains("فترة جزئية", (string)options["tooltip"]!["texts"]![0]![0]!, StringComparison.Ordinal);
        Assert.Contains("فترات جزئية", chart.Find(".fi-trend-partial").TextContent, StringComparison.Ordinal);
    }
}
