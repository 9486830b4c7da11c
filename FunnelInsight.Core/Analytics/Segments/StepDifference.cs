using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Segments;

/// <summary>One conversion compared between two segments.</summary>
/// <param name="Name">The stage whose step conversion is compared (product … purchase), or "overall".</param>
/// <param name="First">The first segment's conversion.</param>
/// <param name="Second">The second segment's conversion.</param>
/// <param name="Difference">First − second, as a fraction.</param>
/// <param name="PValue">Two-sided p-value of the pooled two-proportion z-test (1 when either side has no data).</param>
public sealed record StepDifference(string Name, Proportion First, Proportion Second, double Difference, double PValue)
{
    /// <summary>True only when <see cref="PValue"/> is below 0.05: a difference worth calling one.</summary>
    public bool IsDifferent => PValue < TwoProportionTest.Alpha;
}
