namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>A published industry figure shown beside the merchant's own; context, never an input to a metric.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Label">What it measures.</param>
/// <param name="Value">The figure as a fraction (0.6957).</param>
/// <param name="Source">Who published it.</param>
public sealed record ReferenceFigure(string Key, string Label, double Value, string Source);
