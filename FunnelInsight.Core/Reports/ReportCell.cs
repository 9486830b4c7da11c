namespace FunnelInsight.Core.Reports;

/// <summary>
/// A cell that says its own kind, for a table whose rows differ (a figure / value summary: a rate on one row, money
/// on the next). Elsewhere a cell is its plain value and its column's kind applies.
/// </summary>
/// <param name="Value">The value: text, a number, a boolean, a day, an instant or null.</param>
/// <param name="Kind">What it holds.</param>
public readonly record struct ReportCell(object? Value, CellKind Kind)
{
    /// <summary>The plain value of a cell, whether or not it says its kind.</summary>
    public static object? ValueOf(object? cell) => cell is ReportCell typed ? typed.Value : cell;

    /// <summary>The kind of a cell in a column of <paramref name="column"/>'s kind.</summary>
    public static CellKind KindOf(object? cell, CellKind column) => cell is ReportCell typed ? typed.Kind : column;
}
