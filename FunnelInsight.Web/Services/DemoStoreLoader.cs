namespace FunnelInsight.Web.Services;

/// <summary>On first run (no stores yet), imports the sample exports in <c>data/</c> as the demo store.</summary>
public sealed partial class DemoStoreLoader(StoreCatalog stores, ImportService imports, IConfiguration configuration, ILogger<DemoStoreLoader> logger)
{
    /// <summary>The sample event export the demo loads.</summary>
    public const string EventsFile = "demo-events.csv";

    /// <summary>The sample order export the demo loads.</summary>
    public const string OrdersFile = "demo-orders.csv";

    /// <summary>Imports the demo store when the database has no store and demo loading is on.</summary>
    public async Task LoadIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Enabled", true) || (await stores.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var folder = FunnelInsightConfiguration.DemoDataFolder(configuration, EventsFile);
        if (folder is null)
        {
            LogMissingSample(logger, "data/" + EventsFile);
            return;
        }

        var store = await stores.GetOrCreateAsync(configuration["Demo:StoreName"] ?? "Demo Store", cancellationToken);
        foreach (var (file, kind) in new[] { (EventsFile, ImportKind.Events), (OrdersFile, ImportKind.Orders) })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                LogMissingSample(logger, path);
                continue;
            }

            var result = await imports.ImportAsync(new ImportRequest(store.Id, kind, path), cancellationToken: cancellationToken);
            LogDemoImport(logger, file, result.RowsStored, store.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo sample {Path} not found; the demo store starts empty")]
    private static partial void LogMissingSample(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: imported {File} ({Rows} rows) into {Store}")]
    private static partial void LogDemoImport(ILogger logger, string file, long rows, string store);
}
