namespace FunnelInsight.Tests.Core.Analytics.Customers;

public class StoreCurrencyTests : EventEngineTests
{
    // Three orders in USD (100 + 50 + 30) and two in EUR (200 + 70), by four customers.
    private const string MixedOrders = """
        o1,c1,,2024-05-01T10:00:00Z,,,,,100,USD,paid,
        o2,c2,,2024-05-02T10:00:00Z,,,,,50,usd,paid,
        o3,c1,,2024-05-03T10:00:00Z,,,,,30,USD,paid,
        o4,c3,,2024-05-04T10:00:00Z,,,,,200,EUR,paid,
        o5,c4,,2024-05-05T10:00:00Z,,,,,70,EUR,paid,
        """;

    [ProviderFact]
    public async Task The_store_reports_in_the_currency_most_of_its_orders_carry_and_counts_the_others_apart()
    {
        await using var store = await StoreAsync(null, MixedOrders);

        var report = await store.Analytics.CustomersAsync(new(store.StoreId));

        Assert.Equal(("USD", 180.0, 60.0), (report.Sales.Currency, report.Revenue, report.AverageOrderValue));
        Assert.Equal([new("EUR", 2)], report.Sales.OtherCurrencies);
        Assert.Equal("2 orders in EUR are not in these figures.", report.Sales.OtherCurrenciesNote);

        // An order in another currency is still a customer's purchase.
        Assert.Equal((5L, 4L), (report.Orders, report.Customers));
        Assert.Equal("USD", (await new StoreSettingsService(store.Temp.Database).GetAsync(store.StoreId))!.Currency);
    }

    [ProviderFact]
    public async Task A_chosen_currency_adds_only_its_own_orders()
    {
        await using var store = await StoreAsync(null, MixedOrders);
        var settings = new StoreSettingsService(store.Temp.Database);
        var saved = await settings.SaveAsync(store.StoreId, (await settings.GetAsync(store.StoreId))! with { Currency = "EUR" });

        var report = await store.Analytics.CustomersAsync(new(store.StoreId));

        Assert.True(saved.Saved);
        Assert.Equal(("EUR", 270.0, 135.0), (report.Sales.Currency, report.Revenue, report.AverageOrderValue));
        Assert.Equal("3 orders in USD are not in these figures.", report.Sales.OtherCurrenciesNote);
    }
}

/// <summary>The same currency fixtures on PostgreSQL + ClickHouse.</summary>
public sealed class StoreCurrencyOnPostgresAndClickHouseTests : StoreCurrencyTests, IClickHouseTests
{
    private protected override EventEngineOptions Engine() => TestServers.ClickHouseEngine();
}
