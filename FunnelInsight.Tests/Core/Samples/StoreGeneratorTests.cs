namespace FunnelInsight.Tests.Core.Samples;

public class StoreGeneratorTests
{
    private static byte[] Events(StoreGeneratorOptions options)
    {
        using var stream = new MemoryStream();
        StoreGenerator.WriteEvents(stream, options);
        return stream.ToArray();
    }

    private static byte[] Orders(StoreGeneratorOptions options)
    {
        using var stream = new MemoryStream();
        StoreGenerator.WriteOrders(stream, options);
        return stream.ToArray();
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_another_seed_does_not()
    {
        var options = new StoreGeneratorOptions(5_000, 1_000, Seed: 9);

        Assert.Equal(Events(options), Events(options));
        Assert.Equal(Orders(options), Orders(options));
        Assert.NotEqual(Events(options), Events(options with { Seed = 10 }));
        Assert.NotEqual(Orders(options), Orders(options with { Seed = 10 }));
    }

    [Fact]
    public void The_orders_do_not_change_with_the_number_of_events_asked_for()
    {
        Assert.Equal(Orders(new StoreGeneratorOptions(100, 500, 3)), Orders(new StoreGeneratorOptions(9_000, 500, 3)));
    }

    [Fact]
    public void Exactly_the_requested_rows_are_written_under_the_canonical_headers()
    {
        var events = SampleTable.Read(Events(new StoreGeneratorOptions(1_234, 0)));
        var orders = SampleTable.Read(Orders(new StoreGeneratorOptions(0, 321)));

        Assert.Equal("event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms", events.Header);
        Assert.Equal(1_234, events.Rows.Count);
        Assert.Equal("order_id,customer_id,email,created_at,subtotal,shipping,tax,discount,total,currency,status,channel", orders.Header);
        Assert.Equal(321, orders.Rows.Count);
    }

    [Fact]
    public void Generated_sessions_abandon_carts_near_the_reference_figure_and_mobile_converts_worse()
    {
        var sessions = SampleTable.Read(Events(new StoreGeneratorOptions(200_000, 0, 5))).Sessions();
        var carts = sessions.Where(s => s.Events.Contains("add_to_cart")).ToList();
        var abandonment = 1 - (carts.Count(s => s.Events.Contains("purchase")) / (double)carts.Count);
        double Conversion(string device) =>
            sessions.Where(s => s.Device == device).Average(s => s.Events.Contains("purchase") ? 1.0 : 0.0);

        Assert.InRange(abandonment, 0.65, 0.75);
        Assert.True(Conversion("mobile") < Conversion("desktop") * 0.6, $"mobile {Conversion("mobile"):P2}, desktop {Conversion("desktop"):P2}");
        Assert.Equal(["desktop", "mobile", "tablet"], sessions.Select(s => s.Device).Distinct().Order());
        Assert.Equal(["direct", "email", "organic", "paid_search", "social"], sessions.Select(s => s.Channel).Distinct().Order());
        Assert.Contains(sessions, s => s.Country == "SA");
        Assert.Contains(sessions, s => s.Country == "AE");
        foreach (var step in new[] { "add_shipping_info", "sign_up", "login", "add_coupon", "coupon_failed", "add_payment_info", "payment_failed", "remove_from_cart" })
        {
            Assert.Contains(sessions, s => s.Events.Contains(step));
        }
    }

    [Fact]
    public void Slow_sessions_abandon_more_than_fast_ones()
    {
        var sessions = SampleTable.Read(Events(new StoreGeneratorOptions(200_000, 0, 6))).Sessions();
        double Conversion(Func<double, bool> load) =>
            sessions.Where(s => load(s.AverageLoadMs)).Average(s => s.Events.Contains("purchase") ? 1.0 : 0.0);

        Assert.True(Conversion(ms => ms > 4000) < Conversion(ms => ms < 1500) * 0.5);
    }

    [Fact]
    public void Visitors_come_back_over_months_and_customers_reorder_over_months()
    {
        var options = new StoreGeneratorOptions(100_000, 5_000, 8);
        var sessions = SampleTable.Read(Events(options)).Sessions();
        var visitorMonths = sessions.GroupBy(s => s.Visitor).Select(g => g.Select(s => s.Month).Distinct().Count()).ToList();
        var orders = SampleTable.Read(Orders(options)).Rows;
        var byCustomer = orders.Where(o => o[1].Length + o[2].Length > 0).GroupBy(o => o[1] + o[2]).ToList();

        Assert.InRange(visitorMonths.Count(m => m > 1) / (double)visitorMonths.Count, 0.1, 0.4);
        Assert.InRange(byCustomer.Count(g => g.Count() > 1) / (double)byCustomer.Count, 0.2, 0.45);
        Assert.Contains(byCustomer, g => g.Select(o => o[3][..7]).Distinct().Count() >= 4);
        Assert.InRange(orders.Count(o => o[10] == "cancelled"), 150, 350);
        Assert.InRange(orders.Count(o => o[1].Length + o[2].Length == 0), 100, 300);
        Assert.Contains(orders, o => o[1].Length == 0 && o[2].Length > 0);
    }

    [Fact]
    public async Task Generated_files_import_with_no_rejected_or_duplicate_rows()
    {
        await using var db = await TempDatabase.CreateAsync();
        var files = StoreGenerator.WriteFiles(db.Folder, new StoreGeneratorOptions(3_000, 400, 11), "gen-");
        var store = await db.Stores.GetOrCreateAsync("Generated");
        var imports = new ImportService(db.Database);

        var events = await imports.ImportAsync(new ImportRequest(store.Id, ImportKind.Events, files[0]));
        var orders = await imports.ImportAsync(new ImportRequest(store.Id, ImportKind.Orders, files[1]));

        Assert.Equal(["gen-events.csv", "gen-orders.csv"], files.Select(Path.GetFileName));
        Assert.Equal((ImportStatus.Succeeded, "canonical", 3_000L, 0L, 0L), (events.Status, events.Format, events.RowsStored, events.RowsRejected, events.RowsDuplicate));
        Assert.Equal((ImportStatus.Succeeded, "canonical", 400L, 0L, 0L), (orders.Status, orders.Format, orders.RowsStored, orders.RowsRejected, orders.RowsDuplicate));
    }
}
