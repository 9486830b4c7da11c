namespace FunnelInsight.Core.Analytics;

/// <summary>How a unit is counted at a stage.</summary>
public enum FunnelMode
{
    /// <summary>Stages reached in order (greedy earliest match), the default.</summary>
    Ordered,

    /// <summary>Any event of the stage, in any order.</summary>
    Open,
}
