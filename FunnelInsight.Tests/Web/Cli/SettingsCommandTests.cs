using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class SettingsCommandTests : CommandLineRunTests
{
    [Fact]
    public async Task Settings_prints_the_stores_settings_with_the_currency_of_its_orders_and_the_zones_its_export_offers()
    {
        await Cli.RunAsync("import", "--store", "Shop", "--orders", Fixture.Path("shopify-refunds-june.csv"));

        var run = await Cli.RunAsync("settings", "--store", "Shop");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(LastLine(run.Output));
        var root = json.RootElement;
        Assert.Equal(("Shop", "UTC", "USD", 30, 168, false), (root.GetProperty("store").GetString(), root.GetProperty("timeZone").GetString(),
            root.GetProperty("currency").GetString(), root.GetProperty("sessionTimeoutMinutes").GetInt32(),
            root.GetProperty("conversionWindowHours").GetInt32(), root.GetProperty("saved").GetBoolean()));

        // Every June time is written −0700: Los Angeles (and Phoenix, −7 all year) agree, New York does not.
        var offered = root.GetProperty("offeredTimeZones").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("America/Los_Angeles", offered);
        Assert.DoesNotContain("America/New_York", offered);
    }

    [Fact]
    public async Task Settings_with_options_saves_them_and_the_customer_report_uses_the_new_time_zone()
    {
        // 22:30 on 31 May in Los Angeles is 1 June in UTC.
        var orders = Cli.WriteFile("orders.csv", "order_id,customer_id,created_at,total\no1,c1,2023-05-31T22:30:00-07:00,20\n");
        await Cli.RunAsync("import", "--store", "Shop", "--orders", orders);
        var before = await Cli.RunAsync("report", "customers", "--store", "Shop");

        var run = await Cli.RunAsync("settings", "--store", "Shop", "--time-zone", "America/Los_Angeles", "--currency", "eur", "--session-timeout", "45");
        var after = await Cli.RunAsync("report", "customers", "--store", "Shop");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(LastLine(run.Output));
        Assert.Equal(("America/Los_Angeles", "EUR", 45, true, 0L), (json.RootElement.GetProperty("timeZone").GetString(), json.RootElement.GetProperty("currency").GetString(),
            json.RootElement.GetProperty("sessionTimeoutMinutes").GetInt32(), json.RootElement.GetProperty("saved").GetBoolean(),
            json.RootElement.GetProperty("sessionsRebuilt").GetInt64()));
        Assert.Equal("2023-06", Period(before.Output));
        Assert.Equal("2023-05", Period(after.Output));
    }

    [Fact]
    public async Task Settings_that_fail_the_checks_change_nothing_and_say_why()
    {
        await Cli.RunAsync("import", "--store", "Shop", "--orders", Fixture.Path("shopify-refunds-june.csv"));

        var run = await Cli.RunAsync("settings", "--store", "Shop", "--time-zone", "Mars/Olympus_Mons", "--window", "0");
        var now = await Cli.RunAsync("settings", "--store", "Shop");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--window: Between 1 and 8760 hours.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--time-zone: An IANA time zone", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(LastLine(now.Output));
        Assert.Equal(("UTC", 168), (json.RootElement.GetProperty("timeZone").GetString(), json.RootElement.GetProperty("conversionWindowHours").GetInt32()));
    }

    [Fact]
    public async Task An_analyst_may_read_the_settings_but_only_an_owner_change_them()
    {
        var token = await Cli.MemberTokenAsync("ana@example.com", "Shop", StoreRole.Analyst);

        var read = await Cli.RunAsync("settings", "--store", "Shop", "--token", token);
        var change = await Cli.RunAsync("settings", "--store", "Shop", "--token", token, "--time-zone", "Europe/Paris");

        Assert.Equal(0, read.Exit);
        Assert.Equal(3, change.Exit);
        Assert.Contains("needs the Owner role", change.Error, StringComparison.Ordinal);
    }

    private static string? Period(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("periods")[0].GetProperty("period").GetString();
    }
}
