namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>The engine against the brute-force reference on a random store that sends every stage.</summary>
public sealed class RandomStoreAgreementTests(RandomStoreFixture fixture) : BruteForceAgreementTests(fixture), IClassFixture<RandomStoreFixture>;

/// <summary>The engine against the brute-force reference on the random store on ClickHouse.</summary>
public sealed class RandomStoreAgreementOnPostgresAndClickHouseTests(ClickHouseRandomStoreFixture fixture)
    : BruteForceAgreementTests(fixture), IClassFixture<ClickHouseRandomStoreFixture>, IClickHouseTests;

/// <summary>The same, the random store's import moved into ClickHouse's events table in slices of its groups.</summary>
public sealed class RandomStoreAgreementOnPostgresAndClickHouseInSlicesTests(ClickHouseRandomStoreInSlicesFixture fixture)
    : BruteForceAgreementTests(fixture), IClassFixture<ClickHouseRandomStoreInSlicesFixture>, IClickHouseTests;

/// <summary>The engine against the brute-force reference on the random store on ClickHouse over two shards.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class RandomStoreAgreementOnPostgresAndTwoClickHouseShardsTests(ClickHouseRandomStoreOnTwoShardsFixture fixture)
    : BruteForceAgreementTests(fixture), IClassFixture<ClickHouseRandomStoreOnTwoShardsFixture>, IClickHouseTests;

/// <summary>The same on a random store that never sends checkout: the funnel passes over it.</summary>
public sealed class StoreWithoutCheckoutAgreementTests(StoreWithoutCheckoutFixture fixture) : StoreWithoutCheckoutAgreement(fixture), IClassFixture<StoreWithoutCheckoutFixture>;

/// <summary>The store without checkout on ClickHouse.</summary>
public sealed class StoreWithoutCheckoutAgreementOnPostgresAndClickHouseTests(ClickHouseStoreWithoutCheckoutFixture fixture)
    : StoreWithoutCheckoutAgreement(fixture), IClassFixture<ClickHouseStoreWithoutCheckoutFixture>, IClickHouseTests;

/// <summary>The store without checkout on ClickHouse over two shards.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class StoreWithoutCheckoutAgreementOnPostgresAndTwoClickHouseShardsTests(ClickHouseStoreWithoutCheckoutOnTwoShardsFixture fixture)
    : StoreWithoutCheckoutAgreement(fixture), IClassFixture<ClickHouseStoreWithoutCheckoutOnTwoShardsFixture>, IClickHouseTests;

/// <summary>The tests of a store that never sends checkout, on any engine.</summary>
public abstract class StoreWithoutCheckoutAgreement(RandomStoreFixture fixture) : BruteForceAgreementTests(fixture)
{
    [ProviderFact]
    public async Task Checkout_is_not_tracked_and_has_no_count_rates_or_leaks()
    {
        var report = await Fixture.Store.Analytics.FunnelAsync(Fixture.Store.Query);
        var leaks = await Fixture.Store.Analytics.LeaksAsync(Fixture.Store.Query);

        Assert.False(Fixture.Expected.IsTracked(3));
        Assert.Equal((false, (long?)null, false), (report.Total.Stages[3].Tracked, report.Total.Stages[3].Reached, report.Total.CheckoutAbandonment.HasData));
        Assert.True(report.Total.Stages[4].Reached > 0, "purchases after the cart count without a checkout");
        Assert.DoesNotContain(leaks.BySessionsLost, l => l.To == "checkout" || l.Key.StartsWith("checkout_", StringComparison.Ordinal));
        Assert.Null(report.TimeToConvert.MedianCheckoutToPurchaseSeconds);
    }
}

/// <summary>Engine figures against plain loops over the raw events (<see cref="BruteForceFunnel"/>).</summary>
public abstract class BruteForceAgreementTests(RandomStoreFixture fixture)
{
    private protected RandomStoreFixture Fixture => fixture;

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
            From = new DateOnly(2024, 3, 5),
            To = new DateOnly(2024, 3, 15),
            Breakdown = FunnelDimension.Country,
            Trend = TrendGranularity.Weekly,
        },
        _ => fixture.Store.Query with
        {
            Mode = FunnelMode.Open,
            Scope = FunnelScope.Visitor,
            Breakdown = FunnelDimension.Device,
            Trend = TrendGranularity.Daily,
            Country = "US",
        },
    };

    private static long?[] Counts(FunnelSegment segment) => segment.Stages.Select(s => s.Reached).ToArray();

    [ProviderTheory]
    [MemberData(nameof(Queries))]
    public async Task Engine_funnel_agrees_exactly_with_the_brute_force_count(string name)
    {
        var query = Query(name);
        var report = await fixture.Store.Analytics.FunnelAsync(query);
        var total = fixture.Expected.Reached(query, _ => "all");

        Assert.Equal(total["all"], Counts(report.Total));
        Assert.True(report.Total.Landed > 100, "the random query should select a real number of units");
        if (query.Breakdown is { } dimension)
        {
            var expected = fixture.Expected.Reached(query, unit => fixture.Expected.Shown(Value(unit.First, dimension), s => Value(s, dimension)) ?? "(not set)");
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

    [ProviderFact]
    public async Task Engine_leaks_agree_with_brute_force_exits_and_expected_lost_revenue()
    {
        var report = await fixture.Store.Analytics.LeaksAsync(fixture.Store.Query);
        var expected = fixture.Expected;
        var sessions = expected.Sessions;
        var buyers = sessions.Where(s => s.Depth == 4).ToList();
        var aov = buyers.Sum(s => s.PurchaseValue) / buyers.Count;
        var reached = Enumerable.Range(0, 5).Select(k => (double)sessions.Count(s => s.ReachedAt[k] >= 0)).ToArray();
        string[] names = ["landing", "product", "cart", "checkout", "purchase"];
        var keys = new List<(string Key, Func<BruteForceSession, bool> Lost, int From, int To)>();
        for (var from = 0; from < 3; from++)
        {
            var to = Enumerable.Range(from + 1, 4 - from).FirstOrDefault(expected.IsTracked);
            var at = from;
            if (expected.IsTracked(from))
            {
                keys.Add(($"{names[from]}_to_{names[to]}", s => s.Depth == at, from, to));
            }
        }

        string[] exits = ["checkout_start", "checkout_account", "checkout_shipping", "checkout_coupon", "checkout_payment"];
        for (var step = 0; expected.IsTracked(3) && step < exits.Length; step++)
        {
            var last = step;
            keys.Add((exits[step], s => s.Depth == 3 && s.LastStep == last, 3, 4));
        }

        Assert.Equal(aov, report.AverageOrderValue, 9);
        Assert.Equal(keys.Select(k => k.Key).Order(StringComparer.Ordinal), report.BySessionsLost.Select(l => l.Key).Order(StringComparer.Ordinal));
        foreach (var (key, isLost, from, to) in keys)
        {
            var lost = sessions.Where(isLost).ToList();
            var leak = report.BySessionsLost.Single(l => l.Key == key);
            // Had they gone on at the rate of those who did: conversion from the next stage to purchase (1 at the purchase).
            var onward = to == 4 ? 1 : reached[to] == 0 ? 0 : reached[4] / reached[to];
            Assert.Equal(lost.Count, leak.Lost);
            Assert.Equal((from < 2 ? lost.Count * aov : lost.Sum(s => s.CartValue)) * onward, leak.EstimatedLostRevenue!.Value, 6);
        }
    }

    [ProviderTheory]
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

    [ProviderFact]
    public async Task Engine_time_to_convert_agrees_with_brute_force_purchase_times()
    {
        var report = await fixture.Store.Analytics.FunnelAsync(fixture.Store.Query);
        var seconds = fixture.Expected.Sessions.Where(s => s.Depth == 4)
            .Select(s => (s.Events[s.ReachedAt[4]].Time - s.Start).TotalSeconds).Order().ToList();
        var n = seconds.Count;

        var fromCheckout = fixture.Expected.Sessions.Where(s => s.Depth == 4 && s.ReachedAt[3] >= 0)
            .Select(s => (s.Events[s.ReachedAt[4]].Time - s.Events[s.ReachedAt[3]].Time).TotalSeconds).Order().ToList();
        var m = fromCheckout.Count;

        Assert.Equal(n, report.TimeToConvert.Purchases);
        Assert.Equal(n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2, report.TimeToConvert.MedianLandingToPurchaseSeconds);
        Assert.Equal(seconds[(9 * n + 9) / 10 - 1], report.TimeToConvert.P90LandingToPurchaseSeconds);
        Assert.Equal(m == 0 ? null : m % 2 == 1 ? fromCheckout[m / 2] : (fromCheckout[m / 2 - 1] + fromCheckout[m / 2]) / 2, report.TimeToConvert.MedianCheckoutToPurchaseSeconds);
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
