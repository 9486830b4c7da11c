using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Tests.Core.Domain;

public sealed class ReportFiltersTests
{
    private static ReportFilter Parse(string query, params string[] otherKeys) =>
        ReportFilters.Parse(4, query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], (string?)Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))), otherKeys);

    [Fact]
    public void Every_filter_reads_from_its_key_as_the_report_verb_names_it()
    {
        var filter = Parse("from=2024-03-01&to=2024-03-31&device=mobile&channel=ads&country=SA&breakdown=Channel&mode=open&scope=visitor&window=48&trend=daily&limit=20&inactive-days=30");

        Assert.Empty(filter.Problems);
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
        }, filter.Query);
        Assert.Equal((20, 30), (filter.Limit, filter.InactiveDays));
    }

    [Theory]
    [InlineData("mode=opne", "mode", "'mode' must be one of ordered, open, not 'opne'.")]
    [InlineData("devcie=mobile", "devcie", "'devcie' is not a filter; the filters are from, to, device, channel, country, breakdown, mode, scope, window, trend.")]
    [InlineData("from=2025-13-01", "from", "'from' must be a date as yyyy-MM-dd between 1900-01-01 and 9998-12-31, not '2025-13-01'.")]
    [InlineData("to=9999-12-31", "to", "'to' must be a date as yyyy-MM-dd between 1900-01-01 and 9998-12-31, not '9999-12-31'.")]
    [InlineData("breakdown=devices", "breakdown", "'breakdown' must be one of device, channel, country, not 'devices'.")]
    [InlineData("breakdown=1", "breakdown", "'breakdown' must be one of device, channel, country, not '1'.")]
    [InlineData("trend=none", "trend", "'trend' must be one of daily, weekly, monthly, automatic, not 'none'.")]
    [InlineData("window=-5", "window", "'window' must be a whole number from 1 to 8760, not '-5'.")]
    [InlineData("window=99999", "window", "'window' must be a whole number from 1 to 8760, not '99999'.")]
    [InlineData("inactive-days=2147483647", "inactive-days", "'inactive-days' must be a whole number from 1 to 36500, not '2147483647'.")]
    [InlineData("from=2024-03-10&to=2024-03-01", "to", "'to' (2024-03-01) is before 'from' (2024-03-10).")]
    [InlineData("device=mobile&device=desktop", "device", "'device' is given more than once.")]
    public void A_key_that_is_not_a_filter_or_a_value_that_does_not_parse_is_a_problem_naming_the_key(string query, string key, string message)
    {
        var filter = Parse(query);

        var problem = Assert.Single(filter.Problems);
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.False(filter.IsValid);
    }

    [Fact]
    public void The_parts_that_are_problems_are_left_out_of_the_question_and_the_rest_is_kept()
    {
        var filter = Parse("mode=opne&device=mobile&window=0");

        Assert.Equal(["mode", "window"], filter.Problems.Select(p => p.Key));
        Assert.Equal(new FunnelQuery(4) { Device = "mobile" }, filter.Query);
    }

    [Fact]
    public void An_empty_value_is_no_value_and_the_callers_own_keys_are_kept_for_it()
    {
        var filter = Parse("scope=&device=%20%20&compare=device&a=mobile", "compare", "a", "b");

        Assert.Empty(filter.Problems);
        Assert.Equal(new FunnelQuery(4), filter.Query);
        Assert.Equal("mobile", filter.Others["a"]);
    }

    [Fact]
    public void A_query_written_as_a_link_reads_back_the_same_and_defaults_stay_out_of_it()
    {
        var query = new FunnelQuery(4) { From = new(2024, 3, 1), Country = "Saudi Arabia", Mode = FunnelMode.Open };

        var link = ReportQueryString.Of(query);

        Assert.Equal("?from=2024-03-01&country=Saudi%20Arabia&mode=open", link);
        Assert.Equal(query, Parse(link).Query);
        Assert.Equal("", ReportQueryString.Of(new FunnelQuery(4)));
    }
}
