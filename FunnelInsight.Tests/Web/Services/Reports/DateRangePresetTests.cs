using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Tests.Web.Services.Reports;

public sealed class DateRangePresetTests
{
    private static readonly DateOnly First = new(2025, 1, 15);
    private static readonly DateOnly Last = new(2025, 3, 10);

    private static StoreDimensions Span(DateOnly? first, DateOnly? last) => new([], [], [], first, last);

    [Fact]
    public void Presets_count_back_from_the_last_day_with_data_and_stop_at_the_first()
    {
        var presets = DateRangePreset.For(First, Last).ToDictionary(p => p.Key, p => (p.From, p.To));

        Assert.Equal((new DateOnly(2025, 3, 4), Last), presets["last7"]);
        Assert.Equal((new DateOnly(2025, 2, 11), Last), presets["last28"]);
        Assert.Equal((First, Last), presets["last90"]); // 11 December 2024 is before the data: clamped
        Assert.Equal((new DateOnly(2025, 3, 1), Last), presets["this-month"]);
        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), presets["last-month"]);
        Assert.Equal((First, Last), presets["this-year"]);
        Assert.Equal((First, Last), presets["all"]);
        Assert.Equal(["last7", "last28", "last90", "this-month", "last-month", "this-year", "all"], DateRangePreset.For(First, Last).Select(p => p.Key));
    }

    [Fact]
    public void A_link_without_a_range_gets_the_last_28_days_with_data()
    {
        var query = DateRangePreset.WithDefaultRange(new FunnelQuery(7) { Device = "mobile" }, DateRangePreset.DefaultKey, Span(First, Last));

        Assert.Equal(new FunnelQuery(7) { Device = "mobile", From = new DateOnly(2025, 2, 11), To = Last }, query);
    }

    [Fact]
    public void A_link_naming_either_end_keeps_its_range_and_a_store_without_sessions_gets_none()
    {
        var from = new FunnelQuery(7) { From = new DateOnly(2025, 1, 20) };
        var to = new FunnelQuery(7) { To = new DateOnly(2025, 2, 1) };

        Assert.Equal(from, DateRangePreset.WithDefaultRange(from, DateRangePreset.DefaultKey, Span(First, Last)));
        Assert.Equal(to, DateRangePreset.WithDefaultRange(to, DateRangePreset.DefaultKey, Span(First, Last)));
        Assert.Equal(new FunnelQuery(7), DateRangePreset.WithDefaultRange(new FunnelQuery(7), DateRangePreset.DefaultKey, Span(null, null)));
    }

    // With data from 15 January, "last 90 days", "this year" and "all time" are all 15 January – 10 March.
    [Theory]
    [InlineData("this-year", "this-year")]
    [InlineData("all", "all")]
    [InlineData("last90", "last90")]
    [InlineData(null, "last90")] // a link without the name (typed days): the first in the list
    [InlineData("last7", "last90")] // a name whose days are not the link's: not believed
    [InlineData("nonsense", "last90")]
    public void Of_presets_covering_the_same_days_only_the_one_the_link_names_is_marked(string? named, string marked)
    {
        var presets = DateRangePreset.For(First, Last);

        Assert.Equal(marked, DateRangePreset.Marked(presets, First, Last, named, DateRangePreset.DefaultKey, usesDefault: false));
    }

    [Fact]
    public void A_page_on_its_default_range_marks_its_default_and_a_range_no_preset_covers_marks_none()
    {
        var presets = DateRangePreset.For(new DateOnly(2025, 2, 11), Last); // data for exactly the last 28 days: last28 … all alike

        Assert.Equal("last28", DateRangePreset.Marked(presets, new DateOnly(2025, 2, 11), Last, null, DateRangePreset.DefaultKey, usesDefault: true));
        Assert.Equal("all", DateRangePreset.Marked(presets, null, null, null, null, usesDefault: true)); // a page whose default is all the data
        Assert.Null(DateRangePreset.Marked(presets, new DateOnly(2025, 2, 12), Last, "last28", DateRangePreset.DefaultKey, usesDefault: false));
    }
}
