namespace FunnelInsight.Core.Import.Jobs;

/// <summary>Where a shared import job is.</summary>
public enum ImportJobState
{
    /// <summary>Waiting for an instance to claim it.</summary>
    Queued = 0,

    /// <summary>Claimed by an instance, which holds it by renewing its lease.</summary>
    Running = 1,

    /// <summary>Done with, whatever the outcome (the import record says which).</summary>
    Ended = 2,
}
