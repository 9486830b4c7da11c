using System.Text.Json.Nodes;
using FunnelInsight.Web.Components.Pages.Reports.Funnel;
using Chart = FunnelInsight.Web.Components.UI.ApexChart.ApexChart;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

public sealed class BreakdownChartTests : ReportComponentTest
{
    private static FunnelSegment Segment(string label, long landed) => HalvingFunnel.Segment(label, landed);

    private static JsonNode Options(IRenderedComponent<BreakdownChart> chart) =>
        JsonSerializer.SerializeToNode(chart.FindComponent<Chart>().Instance.Options)!;

    // 14 values: 6 drawn as themselves, the other 8 (800 landings each, 100 buying) as one bar.
    private static readonly FunnelSegment[] Fourteen =
        [.. Enumerable.Range(1, 6).Select(i => Segment($"channel {i}", 8000 / i)), .. Enumerable.Range(7, 8).Select(i => Segment($"channel {i}", 800))];

    [Fact]
    public void Fourteen_values_draw_six_and_an_other_bar_of_the_eight_left_as_shares_of_their_landings()
    {
        var options = Options(Render<BreakdownChart>(p => p.Add(c => c.Segments, Fourteen)));

        var series = options["series"]!.AsArray();
        Assert.Equal(7, series.Count);
        Assert.Equal("Other (8 values)", (string)series[6]!["name"]!);
        // other: 6,400 landed, 3,200 viewed, 1,600 carts and checkouts, 800 bought: 100%, 50%, 25%, 25%, 12.5%.
        Assert.Equal([100, 50, 25, 25, 12.5], series[6]!["data"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("12.5% of landings (800)", (string)options["tooltip"]!["texts"]![6]![4]!);
        Assert.Equal("%", (string)options["yaxis"]!["labels"]!["suffix"]!);
    }

    [Fact]
    public void The_table_notice_says_how_many_values_the_other_bar_holds()
    {
        var table = Render<BreakdownTable>(p => p.Add(c => c.Segments, Fourteen));

        Assert.Equal("The chart draws the 6 values with the most landings and the other 8 together as “Other”; the table lists all 14.",
            table.Find(".fi-breakdown-notice").TextContent.Trim());
        Assert.Equal(14, table.FindAll(".fi-breakdown-table tbody tr").Count);
    }

    [Fact]
    public void Seven_values_are_all_drawn_as_themselves_without_an_other_bar_or_notice()
    {
        var seven = Fourteen[..7];

        var options = Options(Render<BreakdownChart>(p => p.Add(c => c.Segments, seven)));

        Assert.Equal(7, options["series"]!.AsArray().Count);
        Assert.Equal("channel 7", (string)options["series"]![6]!["name"]!);
        Assert.Empty(Render<BreakdownTable>(p => p.Add(c => c.Segments, seven)).FindAll(".fi-breakdown-notice"));
    }

    [Fact]
    public void In_arabic_the_other_bar_and_the_shares_are_arabic_with_latin_digits()
    {
        UseCulture("ar");

        var options = Options(Render<BreakdownChart>(p => p.Add(c => c.Segments, Fourteen)));

        var series = options["series"]!.AsArray();
        Assert.Equal("أخرى (8 قيم)", JsonText(series[6]!["name"]!));
        // Right to left, the stages run from purchase: the other bar's first text is its purchases.
        Assert.Equal("12.5% من الوصول (800)", JsonText(options["tooltip"]!["texts"]![6]![0]!));
    }

    private static string JsonText(JsonNode node) => FunnelInsight.Web.Components.UI.Bidi.Plain((string)node!);
}
