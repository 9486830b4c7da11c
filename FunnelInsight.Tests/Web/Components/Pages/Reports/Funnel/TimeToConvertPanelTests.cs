using Bunit;
using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Web.Components.Pages.Reports.Funnel;

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
}
