using FunnelInsight.Core.Analytics;
using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Tests.Web.Services.Reports;

public class ReportQueryStringTests
{
    private static FunnelQuery Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return ReportQueryString.Parse(4, key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Every_filter_reads_from_its_key_as_the_report_verb_names_it()
    {
        var query = Parse("from=2024-03-01&to=2024-03-31&device=mobile&channel=ads&country=SA&breakdown=Channel&mode=open&scope=visitor&window=48&trend=daily");

        Assert.Equal(new FunnelQuery(4)
        {
            From = new(2024, 3, 1),
            To = new(2024, 3, 31),
            Device = "mobile",
            Channel = "ads",
            Country = "SA",
            Breakdown = FunnelDimension.Channel,
            Mode = FunnelMode.Open,
            Scope = FunnelScope.Visitor,
            WindowHours = 48,
            Trend = TrendGranularity.Daily,
        }, query);
    }

    [Fact]
    public void Values_that_do_not_parse_are_left_at_their_defaults()
    {
        var query = Parse("from=yesterday&breakdown=city&mode=2&scope=&window=-5&device=%20%20");

        Assert.Equal(new FunnelQuery(4), query);
    }

    [Fact]
    public void A_query_written_as_a_link_reads_back_the_same_and_defaults_stay_out_of_it()
    {
        var query = new FunnelQuery(4) { From = new(2024, 3, 1), Country = "Saudi Arabia", Mode = FunnelMode.Open };

        var link = ReportQueryString.Of(query);

        Assert.Equal("?from=2024-03-01&country=Saudi%20Arabia&mode=open", link);
        Assert.Equal(query, Parse(link));
        Assert.Equal("", ReportQueryString.Of(new FunnelQuery(4)));
    }
}
