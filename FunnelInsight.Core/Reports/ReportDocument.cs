namespace FunnelInsight.Core.Reports;

/// <summary>A report ready to write: the JSON body (camelCase, rates as fractions) and its tables.</summary>
/// <param name="Kind">funnel, leaks, abandonment, customers or friction.</param>
/// <param name="Json">The object serialized as the JSON report.</param>
/// <param name="Tables">The tables; CSV writes the first, XLSX writes one sheet each.</param>
public sealed record ReportDocument(string Kind, object Json, IReadOnlyList<ReportTable> Tables)
{
    /// <summary>The store's currency (ISO 4217), named in the header of every money column of a workbook; null when unknown.</summary>
    public string? Currency { get; init; }

    /// <summary>What the export is of (store, period, filters, time, version), written into the file; null when not known.</summary>
    public ReportAbout? About { get; init; }

    /// <summary>The table a CSV holds, by name; null for the first.</summary>
    public string? CsvTable { get; init; }

    /// <summary>The table called <paramref name="name"/>; null when the report has none of that name.</summary>
    public ReportTable? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>Why <paramref name="name"/> names no table of this report (naming those it has); null when it does.</summary>
    public string? TableProblem(string? name) => name is null || Table(name) is not null ? null
        : $"'table' must be one of {string.Join(", ", Tables.Select(t => t.Name))}, not '{name}'.";

    /// <summary>The sheets of a workbook: the tables, then the <c>about</c> table when known.</summary>
    public IReadOnlyList<ReportTable> Sheets => About is { } about ? [.. Tables, about.Table()] : Tables;
}
