namespace FunnelInsight.Core.Import;

/// <summary>Where an import is in its life.</summary>
public enum ImportStatus
{
    /// <summary>Reading and storing rows.</summary>
    Running = 0,

    /// <summary>Stored; rejected rows, if any, are in its row errors.</summary>
    Succeeded = 1,

    /// <summary>Stopped by the user; nothing was stored.</summary>
    Cancelled = 2,

    /// <summary>The file could not be read or stored; nothing was stored.</summary>
    Failed = 3,

    /// <summary>Its process ended before it did (killed, crashed, powered off); nothing was stored.</summary>
    Interrupted = 4,
}
