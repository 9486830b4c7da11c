namespace FunnelInsight.Web.Services;

/// <summary>
/// Loads every store's analytics once the dashboard has started, in the background, so the first chart a merchant
/// opens after a restart is answered from memory rather than waiting for the store's session rollups.
/// </summary>
public sealed partial class AnalyticsWarmup(StoreCatalog stores, IFunnelAnalytics analytics, ILogger<AnalyticsWarmup> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var store in await stores.ListAsync(stoppingToken))
        {
            try
            {
                await analytics.WarmAsync(store.Id, stoppingToken);
                LogWarmed(logger, store.Name, store.Sessions);
            }
            catch (Exception ex) when (ex is ArgumentException or System.Data.Common.DbException)
            {
                // Deleted since the list was read, or the database is busy: the first question loads it instead.
                LogSkipped(logger, store.Name, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics ready for store {Store} ({Sessions} sessions)")]
    private static partial void LogWarmed(ILogger logger, string store, long sessions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics of store {Store} not loaded ahead: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string store, string reason);
}
