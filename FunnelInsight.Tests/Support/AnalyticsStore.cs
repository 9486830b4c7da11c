namespace FunnelInsight.Tests.Support;

/// <summary>
/// A store filled through the real import path (CSV file → <see cref="ImportService"/> → SQLite) and the analytics
/// engine over it. Dispose it to remove the database.
/// </summary>
public sealed class AnalyticsStore : IAsyncDisposable
{
    /// <summary>The canonical event header the fixtures write.</summary>
    public const string EventHeader = "event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms";

    /// <summary>The canonical order header the fixtures write.</summary>
    public const string OrderHeader = "order_id,customer_id,email,created_at,subtotal,shipping,tax,discount,total,currency,status,channel";

    private AnalyticsStore(TempDatabase temp, int storeId)
    {
        Temp = temp;
        StoreId = storeId;
        Analytics = new FunnelAnalytics(temp.Database);
    }

    /// <summary>The database.</summary>
    public TempDatabase Temp { get; }

    /// <summary>The store the fixture imported into.</summary>
    public int StoreId { get; }

    /// <summary>The engine under test.</summary>
    public FunnelAnalytics Analytics { get; }

    /// <summary>The report files' builder over <see cref="Analytics"/> and the store's settings, as the command line makes it.</summary>
    public FunnelInsight.Web.Services.Reports.ReportExporter Exporter => new(Analytics, new FunnelInsight.Core.Stores.StoreSettingsService(Temp.Database), Temp.Database);

    /// <summary>A query on this store with the defaults.</summary>
    public FunnelQuery Query => new(StoreId);

    /// <summary>Imports event rows (without header) and order rows (without header) into a new store "shop".</summary>
    /// <param name="eventRows">Event rows, or null for none.</param>
    /// <param name="orderRows">Order rows, or null for none.</param>
    /// <param name="engine">The event engine (DuckDB with its defaults when null).</param>
    public static async Task<AnalyticsStore> CreateAsync(string? eventRows, string? orderRows = null, EventEngineOptions? engine = null)
    {
        var temp = await TempDatabase.CreateAsync(engine ?? new EventEngineOptions());
        var store = await temp.Stores.GetOrCreateAsync("shop");
        var result = new AnalyticsStore(temp, store.Id);
        if (eventRows is not null)
        {
            await result.ImportAsync(ImportKind.Events, "events.csv", EventHeader + "\n" + eventRows.Trim() + "\n");
        }

        if (orderRows is not null)
        {
            await result.ImportAsync(ImportKind.Orders, "orders.csv", OrderHeader + "\n" + orderRows.Trim() + "\n");
        }

        return result;
    }

    /// <summary>Imports a whole file's text; fails the test when the import does not succeed cleanly.</summary>
    public async Task ImportAsync(ImportKind kind, string fileName, string text)
    {
        var path = Temp.WriteFile(fileName, text);
        var log = new CapturingLogger<ImportService>();
        var imported = await new ImportService(Temp.Database, log).ImportAsync(new ImportRequest(StoreId, kind, path));
        Assert.True(imported.Status == ImportStatus.Succeeded, $"the import {imported.Status}: {imported.Message}{Environment.NewLine}{log.Text}");
        Assert.Equal(0, imported.RowsRejected);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Temp.DisposeAsync();
}
