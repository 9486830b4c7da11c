namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>One number behind a flag.</summary>
/// <param name="Name">Stable camelCase name (for example <c>dropRate</c>).</param>
/// <param name="Value">The number (rates as fractions).</param>
/// <param name="IsMoney">True for an amount in the store's currency, which reports round to its minor unit.</param>
public sealed record EvidenceFigure(string Name, double Value, bool IsMoney = false);
