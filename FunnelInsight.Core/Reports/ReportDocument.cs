namespace FunnelInsight.Core.Reports;

/// <summary>A report ready to write: the JSON body (camelCase, rates as fractions) and its tables.</summary>
/// <param name="Kind">funnel, leaks, abandonment, customers or friction.</param>
/// <param name="Json">The object serialized as the JSON report.</param>
/// <param name="Tables">The tables; CSV writes the first, XLSX writes one sheet each.</param>
public sealed record ReportDocument(string Kind, object Json, IReadOnlyList<ReportTable> Tables)
{
    /// <summary>The store's currency (ISO 4217), named in the header of every money column of a workbook; null when unknown.</summary>
    public string? Currency { get; init; }
}
