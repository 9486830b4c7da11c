namespace FunnelInsight.Core.Reports;

/// <summary>One table of a report, as CSV and XLSX write it: a header row, then rows of cells.</summary>
/// <param name="Name">Sheet name (at most 31 characters).</param>
/// <param name="Header">Column names.</param>
/// <param name="Rows">Cells: text, numbers, booleans, dates or null.</param>
public sealed record ReportTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows);
