namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Takes what one partition rolls up to, on the thread that builds it (see <see cref="SessionRollupBuilder.Build"/>),
/// and keeps it until the partition's turn comes to be handed over.
/// </summary>
internal interface IPartitionSink
{
    /// <summary>Sessions taken so far.</summary>
    long Sessions { get; }

    /// <summary>Takes one session, in the order the partition's sessions are built.</summary>
    void Session(SessionSummary session);

    /// <summary>Takes the id of an event that repeats one with a lower id, and the id of the one kept.</summary>
    void Repeat(long eventId, long keptId);
}
