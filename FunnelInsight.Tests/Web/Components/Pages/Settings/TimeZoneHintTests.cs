using FunnelInsight.Web.Components.Pages.Settings;
using FunnelInsight.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FunnelInsight.Tests.Web.Components.Pages.Settings;

/// <summary>The time-zone hint names the first eight offered zones and counts the rest, in both languages.</summary>
public sealed class TimeZoneHintTests : DashboardComponentContext
{
    private static readonly string[] Eleven =
    [
        "Asia/Riyadh", "Asia/Baghdad", "Asia/Kuwait", "Asia/Qatar", "Asia/Aden", "Asia/Bahrain",
        "Africa/Nairobi", "Europe/Moscow", "Europe/Minsk", "Europe/Istanbul", "Indian/Comoro",
    ];

    private IStringLocalizer<Strings> L => Services.GetRequiredService<IStringLocalizer<Strings>>();

    [Fact]
    public void English_counts_the_zones_beyond_the_eighth()
    {
        Assert.Equal(
            "Offered from the offsets of your first order export: Asia/Riyadh, Asia/Baghdad, Asia/Kuwait, Asia/Qatar, "
            + "Asia/Aden, Asia/Bahrain, Africa/Nairobi, Europe/Moscow and 3 more.",
            TimeZoneHint.Of(L, Eleven));
    }

    [Fact]
    public void Arabic_counts_the_zones_beyond_the_eighth_in_arabic()
    {
        UseCulture("ar");

        Assert.Equal(
            "مقترحة من فروق التوقيت في أول ملف طلبات: Asia/Riyadh, Asia/Baghdad, Asia/Kuwait, Asia/Qatar, "
            + "Asia/Aden, Asia/Bahrain, Africa/Nairobi, Europe/Moscow و\u20663\u2069 أخرى.",
            TimeZoneHint.Of(L, Eleven));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void When_every_offered_zone_is_named_nothing_is_counted(int offered)
    {
        var zones = Eleven.Take(offered).ToArray();

        Assert.Equal($"Offered from the offsets of your first order export: {string.Join(", ", zones)}.", TimeZoneHint.Of(L, zones));
    }

    [Fact]
    public void Nine_zones_leave_one_more()
    {
        UseCulture("ar");

        Assert.EndsWith("Europe/Moscow و\u20661\u2069 أخرى.", TimeZoneHint.Of(L, Eleven.Take(9).ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_offered_zone_the_hint_says_how_to_name_one()
    {
        Assert.Equal("IANA name, for example America/Los_Angeles; days, weeks and months of every report are in it.", TimeZoneHint.Of(L, []));
    }
}
