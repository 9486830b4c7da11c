using System.Globalization;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel;

namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

public class BruteForceAgreementTests(RandomStoreFixture fixture) : IClassFixture<RandomStoreFixture>
{
    public static TheoryData<string> Queries => new()
    {
        "ordered", "open", "visitor", "visitor-open-24h", "mobile-by-channel", "range-by-country-weekly", "open-visitor-by-device-daily",
    };

    private FunnelQuery Query(string name) => name switch
    {
        "ordered" => fixture.Store.Query,
        "open" => fixture.Store.Query with { Mode = FunnelMode.Open },
        "visitor" => fixture.Store.Query with { Scope = FunnelScope.Visitor },
        "visitor-open-24h" => fixture.Store.Query with { Scope = FunnelScope.Visitor, Mode = FunnelMode.Open, WindowHours = 24 },
        "mobile-by-channel" => fixture.Store.Query with { Device = "mobile", Breakdown = FunnelDimension.Channel },
        "range-by-country-weekly" => fixture.Store.Query with
        {
            From = new DateOnly(2024, 3, 5), To = new DateOnly(2024, 3, 15), Breakdown = FunnelDimension.Country, Trend = TrendGranularity.Weekly,
        },
        _ => fixture.Store.Query with
        {
            Mode = FunnelMode.Open, Scope = FunnelScope.Visitor, Breakdown = FunnelDimension.Device, Trend = TrendGranularity.Daily, Country = "US",
        },
    };

    private static long[] Counts(FunnelSegment segment) => segment.Stages.Select(s => s.Reached).ToArray();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Engine_funnel_agrees_exactly_with_the_brute_force_count(string name)
    {
        var query = Query(name);
        var report = await fixture.Store.Analytics.FunnelAsync(query);
        var total = fixture.Expected.Reached(query, _ => "all");

        Assert.Equal(total.GetValueOrDefault("all", new long[5]), Counts(report.Total));
        Assert.True(report.Total.Landed > 100, "the random query should select a real number of units");
        if (query.Breakdown is { } dimension)
        {
            var expected = fixture.Expected.Reached(query, unit => Value(unit.First, dimension) ?? "(not set)");
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), report.Breakdown.Select(b => b.Label).Order(StringComparer.Ordinal));
            Assert.All(report.Breakdown, segment => Assert.Equal(expected[segment.Label], Counts(segment)));
        }

        if (query.Trend != TrendGranularity.None)
        {
            var expected = fixture.Expected.Reached(query, unit => Period(unit.First.Start, query.Trend));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), report.Trend.Select(t => t.Funnel.Label));
            Assert.All(report.Trend, point => Assert.Equal(expected[point.Funnel.Label], Counts(point.Funnel)));
        }
    }

    [Fact]
    public async Task Engine_leaks_agree_with_brute_force_exits_and_cart_values()
    {
        var report = await fixture.Store.Analytics.LeaksAsync(fixture.Store.Query);
        var sessions = fixture.Expected.Sessions;
        var buyers = sessions.Where(s => s.Depth == 4).ToList();
        var aov = buyers.Sum(s => s.PurchaseValue) / buyers.Count;
        string[] keys = ["landing_to_product", "product_to_cart", "cart_to_checkout", "checkout_start", "checkout_account", "checkout_shipping", "checkout_coupon", "checkout_payment"];

        Assert.Equal(aov, report.AverageOrderValue, 9);
        for (var p = 0; p < keys.Length; p++)
        {
            var lost = sessions.Where(s => s.Depth < 4 && (p < 3 ? s.Depth == p : s.Depth == 3 && s.LastStep == p - 3)).ToList();
            var leak = report.BySessionsLost.Single(l => l.Key == keys[p]);
            Assert.Equal(lost.Count, leak.Lost);
            Assert.Equal(p < 2 ? lost.Count * aov : lost.Sum(s => s.CartValue), leak.EstimatedLostRevenue, 6);
        }
    }

    [Theory]
    [InlineData(FunnelMode.Ordered)]
    [InlineData(FunnelMode.Open)]
    public async Task Engine_abandonment_agrees_with_brute_force_carts_without_purchase(FunnelMode mode)
    {
        var report = await fixture.Store.Analytics.AbandonmentAsync(fixture.Store.Query with { Mode = mode });
        var masks = fixture.Expected.Units(fixture.Store.Query with { Mode = mode }).ToList();
        var abandoned = masks.Where(u => (u.Mask & 4) != 0 && (u.Mask & 16) == 0).Select(u => u.First).ToList();

        Assert.Equal(masks.Count(u => (u.Mask & 4) != 0), report.CartAbandonment.Total);
        Assert.Equal(abandoned.Count, report.CartAbandonment.Count);
        Assert.Equal(abandoned.Sum(s => s.CartValue), report.AbandonedCartValue, 6);
        Assert.Equal(abandoned.Select(s => s.Key).Order(StringComparer.Ordinal), report.Sessions.Select(s => s.SessionKey).Order(StringComparer.Ordinal));
        var top = report.Sessions[0];
        var expectedTop = abandoned.Single(s => s.Key == top.SessionKey);
        Assert.Equal((expectedTop.CartValue, expectedTop.CartItems, expectedTop.Visitor), (top.CartValue, top.CartItems, top.VisitorKey));
    }

    [Fact]
    public async Task Engine_time_to_convert_agrees_with_brute_force_purchase_times()
    {
        var report = await fixture.Store.Analytics.FunnelAsync(fixture.Store.Query);
        var seconds = fixture.Expected.Sessions.Where(s => s.Depth == 4)
            .Select(s => (s.Events[s.ReachedAt[4]].Time - s.Start).TotalSeconds).Order().ToList();
        var n = seconds.Count;

        Assert.Equal(n, report.TimeToConvert.Purchases);
        Assert.Equal(n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2, report.TimeToConvert.MedianLandingToPurchaseSeconds);
        Assert.Equal(seconds[(9 * n + 9) / 10 - 1], report.TimeToConvert.P90LandingToPurchaseSeconds);
    }

    private static string? Value(BruteForceSession session, FunnelDimension dimension) => dimension switch
    {
        FunnelDimension.Device => session.Device,
        FunnelDimension.Channel => session.Channel,
        _ => session.Country,
    };

    private static string Period(DateTime start, TrendGranularity granularity)
    {
        var day = DateOnly.FromDateTime(start);
        var first = granularity == TrendGranularity.Weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        return first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
