namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>
/// User-defined funnels counted by the engine's SQL over the raw events against <see cref="BruteForceDefinedFunnel"/>:
/// random step lists (names in any case, sets, stages, narrowings) over a random store, in every scope and mode.
/// </summary>
public sealed class DefinedFunnelAgreementTests(RandomStoreFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : DefinedFunnelAgreement(fixture, output), IClassFixture<RandomStoreFixture>;

/// <summary>The same user-defined funnels counted by ClickHouse's SQL (windowFunnel over exact positions).</summary>
public sealed class DefinedFunnelAgreementOnPostgresAndClickHouseTests(ClickHouseRandomStoreFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : DefinedFunnelAgreement(fixture, output), IClassFixture<ClickHouseRandomStoreFixture>, IClickHouseTests;

/// <summary>The same, ClickHouse counting each funnel in slices of its sessions or visitors and adding the slices up.</summary>
public sealed class DefinedFunnelAgreementOnPostgresAndClickHouseInSlicesTests(ClickHouseRandomStoreInSlicesFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : DefinedFunnelAgreement(fixture, output), IClassFixture<ClickHouseRandomStoreInSlicesFixture>, IClickHouseTests;

/// <summary>The same user-defined funnels counted by ClickHouse over two shards, each shard counting its own units.</summary>
[Collection(TestServers.TwoShardsCollection)]
public sealed class DefinedFunnelAgreementOnPostgresAndTwoClickHouseShardsTests(ClickHouseRandomStoreOnTwoShardsFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : DefinedFunnelAgreement(fixture, output), IClassFixture<ClickHouseRandomStoreOnTwoShardsFixture>, IClickHouseTests;

/// <summary>User-defined funnels on any engine against the brute-force rule.</summary>
public abstract class DefinedFunnelAgreement(RandomStoreFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Names =
    [
        "view_item", "VIEW_ITEM", "view_item_list", "add_to_cart", "view_cart", "begin_checkout", "add_shipping_info",
        "add_payment_info", "purchase", "order_completed", "session_start", "landing", "remove_from_cart", "scroll", "Product_View",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 16)];

    [ProviderTheory]
    [MemberData(nameof(Seeds))]
    public async Task Engine_counts_a_random_user_defined_funnel_exactly_as_the_brute_force_rule(int seed)
    {
        var random = new Random(seed);
        var steps = RandomSteps(random);
        var query = RandomQuery(random) with { Steps = FunnelDefinition.Parse(steps).Definition ?? throw new InvalidOperationException(steps) };
        var expected = new BruteForceDefinedFunnel(fixture.Expected);

        var report = await fixture.Store.Analytics.FunnelAsync(query);

        var total = expected.Reached(query, _ => "all").GetValueOrDefault("all")
            ?? query.Steps.Steps.Select(s => s.Stage is { } stage && !fixture.Expected.IsTracked((int)stage) ? null : (long?)0).ToArray();
        output.WriteLine($"{query.Steps.Text} {query.Scope} {query.Mode}: {string.Join(',', Counts(report.Total))}");
        Assert.Equal(total, Counts(report.Total));
        if (query.Breakdown is { } dimension)
        {
            var byValue = expected.Reached(query, s => fixture.Expected.Shown(Value(s, dimension), x => Value(x, dimension)) ?? "(not set)")
                .Where(p => p.Value.First(c => c is not null) > 0).ToDictionary();
            Assert.Equal(byValue.Keys.Order(StringComparer.Ordinal), report.Breakdown.Select(b => b.Label).Order(StringComparer.Ordinal));
            Assert.All(report.Breakdown, segment => Assert.Equal(byValue[segment.Label], Counts(segment)));
        }

        if (query.Trend != TrendGranularity.None)
        {
            var byDay = expected.Reached(query, s => DateOnly.FromDateTime(s.Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(byDay.Keys.Order(StringComparer.Ordinal), report.Trend.Select(t => t.Funnel.Label));
            Assert.All(report.Trend, point => Assert.Equal(byDay[point.Funnel.Label], Counts(point.Funnel)));
        }
    }

    public static TheoryData<string> StageQueries => ["session", "open", "visitor", "visitor-24h-by-device", "mobile-range-daily"];

    [ProviderTheory]
    [MemberData(nameof(StageQueries))]
    public async Task A_user_defined_funnel_of_the_five_stages_equals_the_stage_funnel(string name)
    {
        var stages = fixture.Store.Query with
        {
            Mode = name == "open" ? FunnelMode.Open : FunnelMode.Ordered,
            Scope = name.StartsWith("visitor", StringComparison.Ordinal) ? FunnelScope.Visitor : FunnelScope.Session,
            WindowHours = name == "visitor-24h-by-device" ? 24 : null,
            Breakdown = name == "visitor-24h-by-device" ? FunnelDimension.Device : null,
            Device = name == "mobile-range-daily" ? "MOBILE" : null,
            From = name == "mobile-range-daily" ? new DateOnly(2024, 3, 4) : null,
            To = name == "mobile-range-daily" ? new DateOnly(2024, 3, 12) : null,
            Trend = name == "mobile-range-daily" ? TrendGranularity.Daily : TrendGranularity.None,
        };
        var defined = stages with { Steps = FunnelDefinition.Parse("stage:landing,stage:product,stage:cart,stage:checkout,stage:purchase").Definition };

        var expected = await fixture.Store.Analytics.FunnelAsync(stages);
        var actual = await fixture.Store.Analytics.FunnelAsync(defined);

        Assert.True(expected.Total.Landed > 100);
        Assert.Equal(Counts(expected.Total), Counts(actual.Total));
        Assert.Equal(expected.Total.Stages.Select(s => s.StepConversion.Value), actual.Total.Stages.Select(s => s.StepConversion.Value));
        Assert.Equal(expected.Total.OverallConversion, actual.Total.OverallConversion);
        Assert.Equal(expected.Breakdown.Select(b => (b.Label, string.Join(',', Counts(b)))), actual.Breakdown.Select(b => (b.Label, string.Join(',', Counts(b)))));
        Assert.Equal(expected.Trend.Select(t => (t.PeriodStart, t.Partial, string.Join(',', Counts(t.Funnel)))),
            actual.Trend.Select(t => (t.PeriodStart, t.Partial, string.Join(',', Counts(t.Funnel)))));
    }

    private static long?[] Counts(FunnelSegment segment) => segment.Stages.Select(s => s.Reached).ToArray();

    private string RandomSteps(Random random)
    {
        var steps = new List<string>();
        var count = random.Next(2, 7);
        for (var k = 0; k < count; k++)
        {
            var step = random.Next(10) switch
            {
                0 or 1 => "stage:" + Enum.GetNames<FunnelInsight.Core.Domain.FunnelStage>()[random.Next(5)].ToLowerInvariant(),
                2 => Names[random.Next(Names.Length)] + "|" + Names[random.Next(Names.Length)],
                _ => Names[random.Next(Names.Length)],
            };
            step += random.Next(8) switch
            {
                0 => "[device=MOBILE]",
                1 => $"[product=p{fixture.Events[random.Next(fixture.Events.Count)].Line}]",
                _ => "",
            };
            steps.Add(step);
        }

        return string.Join(',', steps);
    }

    private FunnelQuery RandomQuery(Random random) => fixture.Store.Query with
    {
        Mode = random.Next(4) == 0 ? FunnelMode.Open : FunnelMode.Ordered,
        Scope = random.Next(2) == 0 ? FunnelScope.Visitor : FunnelScope.Session,
        WindowHours = random.Next(3) == 0 ? random.Next(1, 72) : null,
        Device = random.Next(4) == 0 ? "mobile" : null,
        Breakdown = random.Next(3) == 0 ? (FunnelDimension)random.Next(3) : null,
        From = random.Next(3) == 0 ? new DateOnly(2024, 3, 1 + random.Next(10)) : null,
        Trend = random.Next(3) == 0 ? TrendGranularity.Daily : TrendGranularity.None,
    };

    private static string? Value(BruteForceSession session, FunnelDimension dimension) => dimension switch
    {
        FunnelDimension.Device => session.Device,
        FunnelDimension.Channel => session.Channel,
        _ => session.Country,
    };
}
