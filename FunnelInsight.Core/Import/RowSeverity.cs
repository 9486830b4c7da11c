namespace FunnelInsight.Core.Import;

/// <summary>What a problem in a row costs: the row, or only the value of one optional field.</summary>
public enum RowSeverity
{
    /// <summary>The row is rejected: a required field is missing or unreadable, or the row cannot be read at all.</summary>
    Error = 0,

    /// <summary>The row is kept without the value of one optional field that cannot be read (a price <c>12,5x</c>).</summary>
    Warning = 1,
}
