namespace FunnelInsight.Core.Analytics.Abandonment;

/// <summary>How the recovery list is sorted.</summary>
public enum RecoveryOrder
{
    /// <summary>Most valuable cart first (ties: the later session first).</summary>
    Value,

    /// <summary>Most items first (ties: the more valuable, then the later session first).</summary>
    Items,

    /// <summary>Latest session start first (ties: the later session first).</summary>
    Recent,
}
