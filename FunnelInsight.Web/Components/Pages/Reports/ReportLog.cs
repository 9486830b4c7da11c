using Microsoft.Extensions.Logging;

namespace FunnelInsight.Web.Components.Pages.Reports;

/// <summary>The report pages' log lines.</summary>
internal static partial class ReportLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Report {Report} for store {StoreId} failed")]
    public static partial void Failed(ILogger logger, string report, int storeId, Exception exception);
}
