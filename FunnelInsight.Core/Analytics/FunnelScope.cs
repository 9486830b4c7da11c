namespace FunnelInsight.Core.Analytics;

/// <summary>What the funnel counts.</summary>
public enum FunnelScope
{
    /// <summary>Sessions, the default.</summary>
    Session,

    /// <summary>Visitors: all of a visitor's sessions within the conversion window from their first landing.</summary>
    Visitor,
}
