using Microsoft.Extensions.Logging;

namespace FunnelInsight.Web.Components.Pages.Reports;

/// <summary>
/// What a report page's controls read beside the report itself (the store's event names for the funnel builder, its
/// devices, channels and countries for the filters). A read that fails is logged and the control goes on without it:
/// left to Blazor, the exception would end the page's circuit, and the report (which shows its own error face) with it.
/// </summary>
internal static class ReportSideData
{
    /// <summary>What <paramref name="read"/> gives, or null when it failed (logged as <paramref name="what"/> of the store).</summary>
    public static async Task<T?> ReadAsync<T>(Func<Task<T>> read, ILogger logger, string what, int storeId)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            ReportLog.SideDataFailed(logger, what, storeId, ex);
            return null;
        }
    }
}
