using Microsoft.Extensions.Logging;

namespace FunnelInsight.Web.Components.Pages.Reports;

/// <summary>The report pages' log lines.</summary>
internal static partial class ReportLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Report {Report} for store {StoreId} failed")]
    public static partial void Failed(ILogger logger, string report, int storeId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the {What} of store {StoreId} failed; the page goes on without them")]
    public static partial void SideDataFailed(ILogger logger, string what, int storeId, Exception exception);
}
