namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>One number behind a flag.</summary>
/// <param name="Name">Stable camelCase name (for example <c>dropRate</c>).</param>
/// <param name="Value">The number (rates as fractions).</param>
public sealed record EvidenceFigure(string Name, double Value);
