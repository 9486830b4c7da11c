namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>
/// One step of a user-defined funnel: a stage (the store's stage map decides which events reach it) or a set of event
/// names (one or more, matched without case), each optionally narrowed by fields of the event. Equal when their
/// written forms are.
/// </summary>
public sealed record FunnelStepDefinition
{
    internal FunnelStepDefinition(FunnelStage? stage, IReadOnlyList<string> names, IReadOnlyList<StepNarrowing> narrowings)
    {
        Stage = stage;
        Names = names;
        Narrowings = narrowings;
        Text = FunnelDefinitionText.Write(this);
    }

    /// <summary>The stage the step is; null for a step of event names.</summary>
    public FunnelStage? Stage { get; }

    /// <summary>The event names any of which reaches the step (empty for a stage step).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Conditions the reaching event must meet, all of them.</summary>
    public IReadOnlyList<StepNarrowing> Narrowings { get; }

    /// <summary>The step as written in a link: <c>stage:cart</c>, <c>add_to_cart|view_cart</c>, <c>view_item[product=42]</c>.</summary>
    public string Text { get; }

    /// <summary>The step for people: names joined by " or ", narrowings in parentheses (untrusted text: escape it when drawing).</summary>
    public string Label => (Stage is { } stage ? stage.ToString().ToLowerInvariant() : string.Join(" or ", Names))
        + (Narrowings.Count == 0 ? "" : " (" + string.Join(", ", Narrowings.Select(n => $"{n.Field.ToString().ToLowerInvariant()} {n.Value}")) + ")");

    /// <inheritdoc />
    public bool Equals(FunnelStepDefinition? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
