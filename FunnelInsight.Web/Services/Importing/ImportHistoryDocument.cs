namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// One import of a store's history as JSON, the one shape that <c>imports</c> on the command line prints and
/// <c>GET /api/stores/{id}/imports</c> answers: what it read, stored and rejected, and how it ended (times in UTC).
/// </summary>
/// <param name="Id">The import's id.</param>
/// <param name="Kind"><c>events</c> or <c>orders</c>.</param>
/// <param name="File">The file's name.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Status"><c>Running</c>, <c>Succeeded</c>, <c>Cancelled</c>, <c>Failed</c> or <c>Interrupted</c>.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsStored">Rows stored.</param>
/// <param name="RowsRejected">Rows rejected, with a row error each.</param>
/// <param name="RowsDuplicate">Rows the store already had.</param>
/// <param name="Warnings">Optional values that could not be read, their rows kept.</param>
/// <param name="Started">When it began.</param>
/// <param name="Finished">When it ended; null while it runs.</param>
/// <param name="Message">Why it failed or was cancelled.</param>
internal sealed record ImportHistoryDocument(
    int Id,
    string Kind,
    string File,
    string Format,
    string Status,
    long RowsRead,
    long RowsStored,
    long RowsRejected,
    long RowsDuplicate,
    long Warnings,
    DateTime Started,
    DateTime? Finished,
    string? Message)
{
    /// <summary>The document of <paramref name="import"/>.</summary>
    public static ImportHistoryDocument Of(ImportSummary import) => new(
        import.Id,
        import.Kind.ToString().ToLowerInvariant(),
        import.FileName,
        import.Format,
        import.Status.ToString(),
        import.RowsRead,
        import.RowsStored,
        import.RowsRejected,
        import.RowsDuplicate,
        import.Warnings,
        DateTime.SpecifyKind(import.StartedUtc, DateTimeKind.Utc),
        import.FinishedUtc is { } finished ? DateTime.SpecifyKind(finished, DateTimeKind.Utc) : null,
        import.Message);
}
