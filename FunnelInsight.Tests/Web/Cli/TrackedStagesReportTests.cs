using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>The command line's reports on a store whose export never sends checkout (RetailRocket-like), by hand.</summary>
public class TrackedStagesReportTests
{
    // a: view, addtocart 30, transaction. b: view, addtocart 20, leaves. c: view only. d: lands on a page view and leaves.
    // Tracked: landing, product, cart, purchase. Reached 4 / 3 / 2 / not tracked / 1.
    private const string RetailRocketLike = """
        2024-03-04T10:00:00Z,view,a,a,p1,30,,,,,,
        2024-03-04T10:01:00Z,addtocart,a,a,p1,30,,,,,,
        2024-03-04T10:02:00Z,transaction,a,a,p1,30,,t1,,,,
        2024-03-04T11:00:00Z,view,b,b,p2,20,,,,,,
        2024-03-04T11:01:00Z,addtocart,b,b,p2,20,,,,,,
        2024-03-04T12:00:00Z,view,c,c,p3,,,,,,,
        2024-03-04T13:00:00Z,page_view,d,d,,,,,,,,
        """;

    private static async Task<JsonElement> ReportAsync(AnalyticsStore store, string kind)
    {
        using var output = new StringWriter();
        var code = await ReportCommand.RunAsync(CommandGrammar.Read(["report", kind, "--store", "shop", "--format", "json"]),
            new CommandAccess(store.Temp.Database, null), store.Exporter, new SavedFunnels(store.Temp.Database), output, CancellationToken.None);
        Assert.Equal(0, code);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    [Fact]
    public async Task Report_funnel_marks_checkout_not_tracked_and_converts_purchase_against_the_cart()
    {
        await using var store = await AnalyticsStore.CreateAsync(RetailRocketLike);
        var json = await ReportAsync(store, "funnel");
        var stages = json.GetProperty("stages");
        var checkout = stages[3];
        var purchase = stages[4];

        Assert.Equal(["landing", "product", "cart", "checkout", "purchase"], stages.EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal([true, true, true, false, true], stages.EnumerateArray().Select(s => s.GetProperty("tracked").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, checkout.GetProperty("reached").ValueKind);
        Assert.Equal(JsonValueKind.Null, checkout.GetProperty("stepConversion").ValueKind);
        Assert.Equal(JsonValueKind.Null, checkout.GetProperty("dropOff").ValueKind);
        Assert.Equal((1L, 0.5, 1L), (purchase.GetProperty("reached").GetInt64(), purchase.GetProperty("stepConversion").GetDouble(), purchase.GetProperty("dropOff").GetInt64()));
        Assert.Equal(0.25, json.GetProperty("overallConversion").GetDouble());
        Assert.Equal(0.5, json.GetProperty("cartAbandonmentRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("checkoutAbandonmentRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("timeToConvert").GetProperty("medianCheckoutToPurchaseSeconds").ValueKind);
        Assert.Equal(120, json.GetProperty("timeToConvert").GetProperty("medianLandingToPurchaseSeconds").GetDouble());
    }

    [Fact]
    public async Task Report_leaks_has_no_leak_into_checkout_and_values_each_leak_at_the_onward_conversion()
    {
        await using var store = await AnalyticsStore.CreateAsync(RetailRocketLike);
        var json = await ReportAsync(store, "leaks");
        var leaks = json.GetProperty("bySessionsLost").EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!);

        // AOV 30 (a's transaction). landing → product loses d: 1 × 30 × conversion product → purchase (1/3) = 10.
        // product → cart loses c: 1 × 30 × 1/2 = 15. cart → purchase loses b: its cart, 20.
        Assert.Equal(["cart_to_purchase", "landing_to_product", "product_to_cart"], leaks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(30, json.GetProperty("averageOrderValue").GetDouble());
        Assert.Equal(10, leaks["landing_to_product"].GetProperty("estimatedLostRevenue").GetDouble(), 9);
        Assert.Equal(1.0 / 3, leaks["landing_to_product"].GetProperty("conversionToPurchase").GetDouble(), 12);
        Assert.Equal(15, leaks["product_to_cart"].GetProperty("estimatedLostRevenue").GetDouble(), 9);
        Assert.Equal((20.0, true), (leaks["cart_to_purchase"].GetProperty("estimatedLostRevenue").GetDouble(), leaks["cart_to_purchase"].GetProperty("revenueFromCarts").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, leaks["cart_to_purchase"].GetProperty("conversionToPurchase").ValueKind);
        Assert.Equal("cart_to_purchase", json.GetProperty("biggestLeak").GetProperty("key").GetString());
        Assert.Contains("conversion", json.GetProperty("lostRevenueEstimate").GetString(), StringComparison.Ordinal);
        Assert.False(json.GetProperty("stages")[3].GetProperty("tracked").GetBoolean());
    }

    [Fact]
    public async Task Report_abandonment_counts_the_bought_cart_as_bought_and_has_no_checkout_rate()
    {
        await using var store = await AnalyticsStore.CreateAsync(RetailRocketLike);
        var json = await ReportAsync(store, "abandonment");

        Assert.Equal((0.5, 2L, 1L), (json.GetProperty("cartAbandonmentRate").GetDouble(), json.GetProperty("cartsReached").GetInt64(), json.GetProperty("cartsAbandoned").GetInt64()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("checkoutAbandonmentRate").ValueKind);
        // Checkout is not tracked: its figures are null, never 0.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("checkoutsReached").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("checkoutsAbandoned").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("abandonedCheckoutValue").ValueKind);
        Assert.Equal(["b"], json.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(20, json.GetProperty("abandonedCartValue").GetDouble());
    }

    [Fact]
    public async Task Report_funnel_counts_a_purchase_after_add_payment_info_without_begin_checkout()
    {
        // s1: view_item, add_to_cart, add_payment_info, purchase (no begin_checkout). s2: view_item, add_to_cart, leaves.
        await using var store = await AnalyticsStore.CreateAsync("""
            2024-03-04T10:00:00Z,view_item,s1,,p,,,,,,,
            2024-03-04T10:01:00Z,add_to_cart,s1,,p,40,,,,,,
            2024-03-04T10:02:00Z,add_payment_info,s1,,,,,,,,,
            2024-03-04T10:03:00Z,purchase,s1,,p,40,,o1,,,,
            2024-03-04T11:00:00Z,view_item,s2,,p,,,,,,,
            2024-03-04T11:01:00Z,add_to_cart,s2,,p,40,,,,,,
            """);
        var json = await ReportAsync(store, "funnel");

        Assert.Equal([2L, 2L, 2L, 1L, 1L], json.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("reached").GetInt64()));
        Assert.Equal(0, json.GetProperty("checkoutAbandonmentRate").GetDouble());
        Assert.Equal(60, json.GetProperty("timeToConvert").GetProperty("medianCheckoutToPurchaseSeconds").GetDouble());
    }

    [Fact]
    public async Task Report_funnel_breaks_mobile_and_Mobile_down_as_one_device()
    {
        await using var store = await AnalyticsStore.CreateAsync(FunnelInsight.Tests.Core.Analytics.FunnelAnalyticsTests.MobileSpellings);
        using var output = new StringWriter();
        await ReportCommand.RunAsync(CommandGrammar.Read(["report", "funnel", "--store", "shop", "--breakdown", "device", "--format", "json"]),
            new CommandAccess(store.Temp.Database, null), store.Exporter, new SavedFunnels(store.Temp.Database), output, CancellationToken.None);
        var breakdown = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("breakdown");

        Assert.Equal([("mobile", 5L), ("desktop", 1L)], breakdown.EnumerateArray().Select(b => (b.GetProperty("value").GetString(), b.GetProperty("stages")[0].GetProperty("reached").GetInt64())));
    }
}
