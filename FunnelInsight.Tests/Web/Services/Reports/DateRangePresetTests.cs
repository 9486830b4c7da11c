using FunnelInsight.Core.Analytics;
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
}
