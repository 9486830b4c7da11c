namespace FunnelInsight.Web.Components.Pages.Reports.Charts;

/// <summary>One series of a chart: its name, its values and the labels that show them (formatted for the language).</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per category.</param>
/// <param name="Texts">One label per value.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<string> Texts);
