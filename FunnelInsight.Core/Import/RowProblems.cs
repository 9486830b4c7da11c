using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Core.Import;

/// <summary>
/// The one place a problem in a row becomes a row error (the row is rejected) or a warning (the row is kept without
/// the value), for events and orders alike, and for what the reader finds before any field is read (a quote never
/// closed, bytes that are not UTF-8): each names the row's line, the file's column and the raw row. A row's warnings
/// are held until the row is kept, so a rejected row is reported once, as its error.
/// </summary>
/// <param name="header">The file's header, to name the column at fault as the file does.</param>
internal sealed class RowProblems(IReadOnlyList<string> header)
{
    private List<RowError>? _warnings;

    /// <summary>The warnings of the current row (empty when it has none); read them once the row is kept.</summary>
    public IReadOnlyList<RowError> Warnings => (IReadOnlyList<RowError>?)_warnings ?? [];

    /// <summary>Starts a new row: the last row's warnings are dropped.</summary>
    public void NextRow() => _warnings?.Clear();

    /// <summary>The row error that rejects the current row.</summary>
    /// <param name="reader">The file, on the row.</param>
    /// <param name="column">The 0-based column at fault, or -1 when the file has none.</param>
    /// <param name="field">The field's canonical name (named when the file has no such column), or null for the whole row.</param>
    /// <param name="reason">What is wrong.</param>
    public RowError Reject(ExportReader reader, int column, string? field, ImportReason reason) =>
        Rejected(reader.LineNumber, Column(column, field), reason, reader.RawLine());

    /// <summary>The row error of a row the reader cannot give fields for.</summary>
    /// <param name="line">The line the row starts on.</param>
    /// <param name="column">The file's column at fault, or null for the whole row.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="rawLine">The row as the file has it, cut.</param>
    public static RowError Rejected(long line, string? column, ImportReason reason, string rawLine) => new(line, column, reason, rawLine);

    /// <summary>Notes that the current row is kept without the value of an optional field.</summary>
    public void Warn(ExportReader reader, int column, string field, ImportReason reason) =>
        (_warnings ??= []).Add(new RowError(reader.LineNumber, Column(column, field), reason, reader.RawLine(), RowSeverity.Warning));

    private string? Column(int column, string? field) =>
        field is null ? null : column >= 0 && column < header.Count ? header[column] : field;
}
