namespace FunnelInsight.Core.Reports;

/// <summary>A column of a report table: its name (the CSV header, stable for scripts) and what its cells hold.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Kind">What its cells hold; a <see cref="ReportCell"/> in a row says so for its own cell.</param>
public sealed record ReportColumn(string Name, CellKind Kind)
{
    /// <summary>A text column.</summary>
    public static ReportColumn Text(string name) => new(name, CellKind.Text);

    /// <summary>A column of whole numbers.</summary>
    public static ReportColumn Count(string name) => new(name, CellKind.Count);

    /// <summary>A column of rates (fractions).</summary>
    public static ReportColumn Percent(string name) => new(name, CellKind.Percent);

    /// <summary>A column of amounts in the store's currency.</summary>
    public static ReportColumn Money(string name) => new(name, CellKind.Money);

    /// <summary>A column of other numbers.</summary>
    public static ReportColumn Number(string name) => new(name, CellKind.Number);

    /// <summary>A column of true / false.</summary>
    public static ReportColumn Boolean(string name) => new(name, CellKind.Boolean);

    /// <summary>A column of days.</summary>
    public static ReportColumn Date(string name) => new(name, CellKind.Date);

    /// <summary>A column of calendar months.</summary>
    public static ReportColumn Month(string name) => new(name, CellKind.Month);

    /// <summary>A column of UTC instants.</summary>
    public static ReportColumn Time(string name) => new(name, CellKind.Time);
}
