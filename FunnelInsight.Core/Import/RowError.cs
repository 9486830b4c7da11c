namespace FunnelInsight.Core.Import;

/// <summary>
/// A problem in a row: where it is, what is wrong, and the row itself. A <see cref="RowSeverity.Error"/> rejected the
/// row; a <see cref="RowSeverity.Warning"/> kept it without the field's value.
/// </summary>
/// <param name="Line">1-based line of the file where the row starts.</param>
/// <param name="Column">The column at fault, or null when the whole row is.</param>
/// <param name="Cause">What is wrong, as a code and its figures (<see cref="Reason"/> says it in English).</param>
/// <param name="RawLine">The row as it was in the file.</param>
/// <param name="Severity">Whether the row was rejected or only warned about.</param>
public sealed record RowError(long Line, string? Column, Reasons.ImportReason Cause, string RawLine, RowSeverity Severity = RowSeverity.Error)
{
    /// <summary>What is wrong, in plain English words (as the error file, the command line and the API write it).</summary>
    public string Reason => Cause.Text;
}
