namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>How firmly the evidence supports a flag (rules in the README's "How the numbers are computed").</summary>
public enum FlagConfidence
{
    /// <summary>Few sessions, or a p-value just under 0.05.</summary>
    Low,

    /// <summary>A moderate sample, or p below 0.01.</summary>
    Medium,

    /// <summary>A large sample, or p below 0.001.</summary>
    High,
}
