namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>
/// Random event files for property and agreement tests: mostly progressing paths with noise, equal timestamps,
/// rows shuffled out of time order, mixed-case names and values, missing attributes, visitors with several sessions.
/// </summary>
internal static class RandomStore
{
    private static readonly string[] Progress = ["view_item", "add_to_cart", "begin_checkout", "add_shipping_info", "add_payment_info", "purchase"];

    private static readonly string[] Noise =
    [
        "session_start", "first_visit", "page_view", "view_item", "Product_View", "view_item_list", "add_to_cart", "VIEW_CART",
        "remove_from_cart", "begin_checkout", "sign_up", "login", "add_shipping_info", "add_coupon", "apply_coupon",
        "add_payment_info", "payment_failed", "coupon_failed", "purchase", "order_completed", "scroll",
    ];

    private static readonly string?[] Devices = ["mobile", "desktop", "tablet", "Mobile", null];
    private static readonly string?[] Channels = ["seo", "ads", "email", null];
    private static readonly string?[] Countries = ["US", "DE", "FR", "us", null];

    // What a store that never sends checkout (REES46, RetailRocket) leaves out: every name that reaches checkout.
    private static readonly HashSet<string> CheckoutNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "begin_checkout", "checkout", "add_shipping_info", "add_coupon", "apply_coupon", "add_payment_info",
    };

    /// <summary>Generates <paramref name="sessions"/> sessions; returns the events (with their file lines) and the CSV text.</summary>
    /// <param name="seed">The random seed.</param>
    /// <param name="sessions">How many sessions.</param>
    /// <param name="withoutCheckout">Leave out every event that reaches checkout, as REES46 and RetailRocket exports do.</param>
    public static (List<RawEvent> Events, string Csv) Generate(int seed, int sessions, bool withoutCheckout = false)
    {
        var random = new Random(seed);
        var drafts = new List<RawEvent>();
        var origin = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var s = 0; s < sessions; s++)
        {
            var session = $"s{s:D5}";
            var visitor = $"v{random.Next(sessions * 2 / 3)}";
            var time = origin.AddMinutes(random.Next(20 * 24 * 60));
            string? device = Pick(random, Devices), channel = Pick(random, Channels), country = Pick(random, Countries);
            var length = random.Next(1, 11);
            // Some checkouts send no begin_checkout: their shipping or payment step is the first checkout event.
            var next = 0;
            var skipsBeginCheckout = random.NextDouble() < 0.15;
            for (var e = 0; e < length; e++)
            {
                string name;
                if (e == 0 && random.NextDouble() < 0.8)
                {
                    name = random.NextDouble() < 0.5 ? "session_start" : "landing";
                }
                else if (random.NextDouble() < 0.6 && next < Progress.Length)
                {
                    next += skipsBeginCheckout && Progress[next] == "begin_checkout" ? 1 : 0;
                    name = Progress[next++];
                }
                else
                {
                    name = Noise[random.Next(Noise.Length)];
                }

                if (withoutCheckout && CheckoutNames.Contains(name))
                {
                    continue;
                }

                var priced = name.Contains("cart", StringComparison.OrdinalIgnoreCase) || name is "purchase" or "order_completed";
                drafts.Add(new RawEvent(0, time, name, session, visitor,
                    priced && random.NextDouble() < 0.9 ? random.Next(1, 101) : null,
                    priced && random.NextDouble() < 0.5 ? random.Next(1, 4) : null,
                    random.NextDouble() < 0.7 ? device : null,
                    random.NextDouble() < 0.7 ? channel : null,
                    random.NextDouble() < 0.7 ? country : null,
                    random.NextDouble() < 0.3 ? random.Next(200, 6000) : null));
                time = time.AddSeconds(random.NextDouble() < 0.2 ? 0 : random.Next(1, 3600));
            }
        }

        // Shuffled rows: the engine must order by time, and equal times by line.
        var shuffled = drafts.OrderBy(_ => random.Next()).Select((e, i) => e with { Line = i + 2 }).ToList();
        var csv = new StringBuilder(AnalyticsStore.EventHeader).Append('\n');
        foreach (var e in shuffled)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{e.Time:yyyy-MM-ddTHH:mm:ssZ},{e.Name},{e.Session},{e.Visitor},p{e.Line},{e.Price},{e.Quantity},,{e.Device},{e.Channel},{e.Country},{e.PageLoadMs}\n");
        }

        return (shuffled, csv.ToString());
    }

    private static string? Pick(Random random, string?[] values) => values[random.Next(values.Length)];
}
