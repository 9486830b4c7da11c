namespace FunnelInsight.Core.Import;

/// <summary>A row that could not be read: where it is, what is wrong, and the row itself.</summary>
/// <param name="Line">1-based line of the file where the row starts.</param>
/// <param name="Column">The column at fault, or null when the whole row is.</param>
/// <param name="Reason">What is wrong, in plain words.</param>
/// <param name="RawLine">The row as it was in the file.</param>
public sealed record RowError(long Line, string? Column, string Reason, string RawLine);
