namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>
/// A funnel the merchant defines: 2 to <see cref="MaxSteps"/> steps, reached in order by the design's greedy rule
/// (see the README's "User-defined funnels"). Read and written only by <see cref="FunnelDefinitionText"/>, so a link,
/// the API and the command line give the same funnel. Equal when their written forms are.
/// </summary>
public sealed record FunnelDefinition
{
    /// <summary>The fewest steps a funnel has.</summary>
    public const int MinSteps = 2;

    /// <summary>The most steps a funnel has.</summary>
    public const int MaxSteps = 10;

    internal FunnelDefinition(IReadOnlyList<FunnelStepDefinition> steps)
    {
        Steps = steps;
        Text = string.Join(',', steps.Select(s => s.Text));
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<FunnelStepDefinition> Steps { get; }

    /// <summary>The written form (the <c>steps</c> query value).</summary>
    public string Text { get; }

    /// <summary>Reads a written funnel; the result carries the funnel or the reason it is not one.</summary>
    public static FunnelDefinitionResult Parse(string? text) => FunnelDefinitionText.Parse(text);

    /// <inheritdoc />
    public bool Equals(FunnelDefinition? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>What reading a written funnel gave: the funnel, or the reason it is not one.</summary>
/// <param name="Definition">The funnel; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">What is wrong, for people; null when the text is a funnel.</param>
public sealed record FunnelDefinitionResult(FunnelDefinition? Definition, string? Error);
