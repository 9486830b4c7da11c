namespace FunnelInsight.Core.Events;

/// <summary>What one roll-up read and wrote, counted as it happened: the stored events fed to the rollup builder, and the sessions it built.</summary>
/// <param name="EventsRead">Stored events read (the touched sessions' events, or the whole store's).</param>
/// <param name="Sessions">Sessions written.</param>
internal readonly record struct RollupRead(long EventsRead, long Sessions);
