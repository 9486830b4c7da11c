using Microsoft.Extensions.Logging;

namespace FunnelInsight.Web.Components.Pages;

/// <summary>The store list's log lines.</summary>
internal static partial class HomeLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The store list is shown without its counts: the events file is held by another program")]
    public static partial void CountsUnavailable(ILogger logger, Exception exception);
}
