using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Core.Domain;

/// <summary>What <see cref="ReportFilters.Parse"/> read: the question, a report file's own options, and every problem.</summary>
/// <param name="Query">The question, without the parts that were problems.</param>
/// <param name="Limit">The recovery list's longest length (abandonment report); null for all.</param>
/// <param name="InactiveDays">The customers report's inactivity threshold; null for the default.</param>
/// <param name="Problems">Unknown keys and values that do not parse; empty when everything was understood.</param>
/// <param name="Others">The values of the caller's own keys (the funnel page's comparison), by lower-case key.</param>
public sealed record ReportFilter(FunnelQuery Query, int? Limit, int? InactiveDays, IReadOnlyList<FilterProblem> Problems, IReadOnlyDictionary<string, string> Others)
{
    /// <summary>True when nothing was a problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// The table a CSV holds, by name (the funnel report's <c>trend</c>, <c>trend_overall</c>, …); null for the report's
    /// first. Which names a report has is known once it is built (<c>ReportDocument.Table</c>).
    /// </summary>
    public string? Table { get; init; }
}
