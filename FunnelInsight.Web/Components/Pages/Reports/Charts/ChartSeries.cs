namespace FunnelInsight.Web.Components.Pages.Reports.Charts;

/// <summary>One series of a chart: its name, its values and the labels that show them (formatted for the language).</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per category.</param>
/// <param name="Texts">One label per value, drawn on the chart.</param>
/// <param name="Tooltips">
/// One tooltip text per value, when it says more than the label (the counts behind a rate); null for the labels themselves.
/// </param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<string> Texts, IReadOnlyList<string>? Tooltips = null)
{
    /// <summary>What the tooltip of each value says: <see cref="Tooltips"/>, else <see cref="Texts"/>.</summary>
    public IReadOnlyList<string> TooltipTexts => Tooltips ?? Texts;
}
