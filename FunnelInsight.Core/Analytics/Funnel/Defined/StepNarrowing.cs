namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>A condition on one field of the event that reaches a step: <c>product=42</c>, <c>device=mobile</c>.</summary>
/// <param name="Field">The field.</param>
/// <param name="Value">The value it must carry (trimmed; the product id exactly, the others without case).</param>
public sealed record StepNarrowing(StepField Field, string Value);
