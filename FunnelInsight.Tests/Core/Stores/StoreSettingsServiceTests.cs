namespace FunnelInsight.Tests.Core.Stores;

public abstract class StoreSettingsServiceTests : DatabaseProviderTests, IAsyncLifetime
{
    // RetailRocket has no session column: one visitor's events at 0, 10 and 50 minutes are two sessions at a
    // 30-minute timeout (a 40-minute gap) and one at a 60-minute timeout.
    private const string Events =
        "timestamp,visitorid,event,itemid,transactionid\n" +
        "1433221200000,7,view,100,\n" +
        "1433221800000,7,addtocart,100,\n" +
        "1433224200000,7,view,101,\n";

    private TempDatabase _temp = null!;
    private int _storeId;
    private StoreSettingsService _settings = null!;

    public async Task InitializeAsync()
    {
        _temp = await TempDatabase.CreateAsync(Provider);
        _storeId = (await _temp.Stores.GetOrCreateAsync("Shop")).Id;
        var result = await new ImportService(_temp.Database).ImportAsync(new ImportRequest(_storeId, ImportKind.Events, _temp.WriteFile("rr.csv", Events)));
        Assert.Equal(3, result.RowsStored);
        _settings = new StoreSettingsService(_temp.Database);
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [ProviderFact]
    public async Task A_new_store_reads_the_default_settings()
    {
        var settings = await _settings.GetAsync(_storeId);

        Assert.Equal(new StoreSettings(StageMap.DefaultText, 30, 168, "USD", "UTC"), settings);
    }

    [ProviderFact]
    public async Task Saving_a_longer_timeout_rebuilds_the_sessions_and_bumps_the_data_version()
    {
        Assert.Equal(2, (await _temp.SessionsAsync()).Count);
        var before = await _temp.CountAsync("SELECT DataVersion FROM Stores");

        var result = await _settings.SaveAsync(_storeId, new StoreSettings(StageMap.DefaultText, 60, 48, "EUR", "UTC"));

        Assert.True(result.Saved);
        Assert.Equal(1, result.SessionsRebuilt);
        Assert.Single(await _temp.SessionsAsync());
        Assert.Equal(before + 1, await _temp.CountAsync("SELECT DataVersion FROM Stores"));
        Assert.Equal(new StoreSettings(StageMap.DefaultText, 60, 48, "EUR", "UTC"), await _settings.GetAsync(_storeId));
    }

    [ProviderFact]
    public async Task A_new_stage_map_changes_which_sessions_reach_the_cart()
    {
        Assert.Single(await _temp.SessionsAsync(), s => s.CartUs is not null);
        const string map = "landing: session_start\nproduct: view\ncart: basket\npurchase: transaction";

        var result = await _settings.SaveAsync(_storeId, new StoreSettings(map, 30, 168, "USD", "UTC"));

        Assert.True(result.Saved);
        Assert.DoesNotContain(await _temp.SessionsAsync(), s => s.CartUs is not null);
        Assert.Equal(map, (await _settings.GetAsync(_storeId))!.StageMapText);
    }

    [ProviderFact]
    public async Task Invalid_settings_are_rejected_with_every_reason_and_nothing_changes()
    {
        var before = await _temp.CountAsync("SELECT DataVersion FROM Stores");

        var result = await _settings.SaveAsync(_storeId, new StoreSettings("landing: session_start\nbasket: add_to_cart", 0, 168, "usd", "UTC"));

        Assert.False(result.Saved);
        Assert.Equal([StoreSettingsField.StageMap, StoreSettingsField.SessionTimeout, StoreSettingsField.Currency], result.Errors.Select(e => e.Field));
        Assert.StartsWith("Unknown stage map key 'basket'", result.Errors[0].Detail, StringComparison.Ordinal);
        Assert.Equal(before, await _temp.CountAsync("SELECT DataVersion FROM Stores"));
        Assert.Equal(2, (await _temp.SessionsAsync()).Count);
    }
}

/// <summary>The tests of <see cref="StoreSettingsServiceTests"/> on SQLite.</summary>
public sealed class StoreSettingsServiceTestsOnSqlite : StoreSettingsServiceTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="StoreSettingsServiceTests"/> on PostgreSQL.</summary>
public sealed class StoreSettingsServiceTestsOnPostgres : StoreSettingsServiceTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
