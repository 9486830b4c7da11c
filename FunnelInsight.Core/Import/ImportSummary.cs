using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Import;

/// <summary>One import in a store's history.</summary>
/// <param name="Id">The import's id.</param>
/// <param name="Kind">Events or orders.</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="FileSize">Size in bytes.</param>
/// <param name="Format">The format used (empty when the file could not be read).</param>
/// <param name="Status">Running, succeeded, cancelled or failed.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsStored">Rows stored as new.</param>
/// <param name="RowsRejected">Rows that could not be read.</param>
/// <param name="RowsDuplicate">Rows the store already had.</param>
/// <param name="StartedUtc">When it began.</param>
/// <param name="FinishedUtc">When it ended, or null while running.</param>
/// <param name="Message">Why it failed or was cancelled.</param>
/// <param name="Warnings">Optional fields that could not be read, their rows kept without the value.</param>
public sealed record ImportSummary(
    int Id,
    ImportKind Kind,
    string FileName,
    long FileSize,
    string Format,
    ImportStatus Status,
    long RowsRead,
    long RowsStored,
    long RowsRejected,
    long RowsDuplicate,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string? Message,
    long Warnings = 0);
