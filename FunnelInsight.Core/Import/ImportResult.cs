using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Import;

/// <summary>What an import did: its counts, and the first row errors and warnings (all are kept with the import).</summary>
/// <param name="ImportId">The import's id (for its full error file).</param>
/// <param name="Status">Succeeded, Cancelled or Failed.</param>
/// <param name="Format">The format used (detected or chosen).</param>
/// <param name="Mapping">The column mapping used, as <c>field=column</c> pairs.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsStored">Rows stored as new events or order lines.</param>
/// <param name="RowsRejected">Rows that could not be read.</param>
/// <param name="RowsDuplicate">Rows the store already had.</param>
/// <param name="Errors">The first row errors, in file order.</param>
/// <param name="Message">Why the import failed or was cancelled, when it did not succeed.</param>
/// <param name="RowsBlank">Blank rows passed over (empty, white space or only separators); not counted as read.</param>
/// <param name="Encoding">The text encoding the file was read in (<c>utf-8</c>, <c>utf-16</c>, <c>windows-1256</c>…); null when it was not read.</param>
/// <param name="Conventions">The day/month order and decimal mark the file was read with, and how each was decided; null when it was not read.</param>
public sealed record ImportResult(
    int ImportId,
    ImportStatus Status,
    string Format,
    string Mapping,
    long RowsRead,
    long RowsStored,
    long RowsRejected,
    long RowsDuplicate,
    IReadOnlyList<RowError> Errors,
    string? Message,
    long RowsBlank = 0,
    string? Encoding = null,
    Reading.FileConventions? Conventions = null)
{
    /// <summary>
    /// Order lines of orders the store already had whose status, refunds or amounts this export changed (the newest
    /// export wins); they are counted here, not as stored or duplicate. Always 0 for events.
    /// </summary>
    public long RowsUpdated { get; init; }

    /// <summary>
    /// Optional fields that could not be read (a price <c>12,5x</c>): each row was kept without the value, and the
    /// warning is kept with its line and column beside the row errors.
    /// </summary>
    public long Warnings { get; init; }

    /// <summary>The first warnings, in file order (all are in the import's error file).</summary>
    public IReadOnlyList<RowError> FirstWarnings { get; init; } = [];

    /// <summary>How the encoding was decided: detected from the file, or chosen by the user.</summary>
    public Reading.DecisionSource EncodingSource { get; init; }

    /// <summary>
    /// Why the import failed or was cancelled, as a code and its figures (<see cref="Message"/> is its English text);
    /// null when it succeeded.
    /// </summary>
    public Reasons.ImportReason? MessageReason { get; init; }

    /// <summary>The result of an import that ended without storing anything, for <paramref name="reason"/>.</summary>
    public static ImportResult Ended(int importId, ImportStatus status, Reasons.ImportReason reason) =>
        new(importId, status, "", "", 0, 0, 0, 0, [], reason.Text) { MessageReason = reason };

    /// <summary>How many row errors a result carries; the rest are in the import's error file.</summary>
    public const int MaxErrorsInResult = 100;
}
