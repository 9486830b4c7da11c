using FunnelInsight.Web.Components.Pages.Reports.Funnel;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

public sealed class BreakdownTableTests : ReportComponentTest
{
    private static FunnelSegment Segment(string label, long landed) => HalvingFunnel.Segment(label, landed);

    [Fact]
    public void Every_value_is_listed_with_its_conversion_and_interval_and_a_notice_names_those_the_chart_leaves_out()
    {
        var segments = Enumerable.Range(1, 8).Select(i => Segment($"channel {i}", 800 / i * 8)).ToList();

        var table = Render<BreakdownTable>(p => p.Add(c => c.Segments, segments));

        Assert.Equal(8, table.FindAll(".fi-breakdown-table tbody tr").Count);
        Assert.Equal("channel 8", table.FindAll(".fi-breakdown-label")[7].TextContent);
        // channel 8: 800 land, 100 buy: 12.5%, Wilson 10.4%–15.0%.
        Assert.Equal("800", table.FindAll(".fi-breakdown-landed")[7].TextContent);
        Assert.Equal("100", table.FindAll(".fi-breakdown-bought")[7].TextContent);
        Assert.Equal("12.5%", table.FindAll(".fi-breakdown-conversion")[7].TextContent);
        Assert.Equal("10.4% – 15.0%", table.FindAll(".fi-breakdown-conversion")[7].NextElementSibling!.TextContent);
        Assert.Equal("The chart draws the 6 values with the most landings and the other 2 together as “Other”; the table lists all 8.", table.Find(".fi-breakdown-notice").TextContent.Trim());
    }

    [Fact]
    public void A_breakdown_the_chart_draws_whole_has_no_notice_and_its_labels_are_text()
    {
        var table = Render<BreakdownTable>(p => p.Add(c => c.Segments, [Segment("<b>utm</b>", 80), Segment("seo", 40)]));

        Assert.Empty(table.FindAll(".fi-breakdown-notice"));
        Assert.Equal("<b>utm</b>", table.Find(".fi-breakdown-label").TextContent);
        Assert.Empty(table.FindAll(".fi-breakdown-label b"));
    }
}
