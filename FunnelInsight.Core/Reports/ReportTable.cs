namespace FunnelInsight.Core.Reports;

/// <summary>One table of a report, as CSV and XLSX write it: a header row, then rows of cells.</summary>
/// <param name="Name">Sheet name (at most 31 characters).</param>
/// <param name="Columns">The columns, with what their cells hold.</param>
/// <param name="Rows">Cells: text, numbers, booleans, days, instants, <see cref="ReportCell"/>s or null.</param>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The column names, the header row.</summary>
    public IReadOnlyList<string> Header => [.. Columns.Select(c => c.Name)];
}
