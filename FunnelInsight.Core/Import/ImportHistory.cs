using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Import;

/// <summary>A store's past imports: the list, one import's result, and its full row errors as a CSV file.</summary>
public sealed class ImportHistory(FunnelDatabase database)
{
    /// <summary>The store's latest imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportSummary>> ListAsync(int storeId, int max = 50, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Imports.AsNoTracking()
            .Where(i => i.StoreId == storeId)
            .OrderByDescending(i => i.StartedUtc).ThenByDescending(i => i.Id)
            .Take(max)
            .Select(i => new ImportSummary(i.Id, i.Kind, i.FileName, i.FileSize, i.Format, i.Status, i.RowsRead, i.RowsStored,
                i.RowsRejected, i.RowsDuplicate, i.StartedUtc, i.FinishedUtc, i.Message, i.Warnings))
            .ToListAsync(cancellationToken);
    }

    /// <summary>True when <paramref name="importId"/> is an import of <paramref name="storeId"/>.</summary>
    public async Task<bool> ExistsAsync(int storeId, int importId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Imports.AnyAsync(i => i.Id == importId && i.StoreId == storeId, cancellationToken);
    }

    /// <summary>
    /// The result of import <paramref name="importId"/> with its first row errors, as the import returned it;
    /// null when the store has no such import.
    /// </summary>
    public async Task<ImportResult?> ResultAsync(int storeId, int importId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var run = await context.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId && i.StoreId == storeId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var errors = await FirstAsync(context, importId, RowSeverity.Error, cancellationToken);
        var warnings = await FirstAsync(context, importId, RowSeverity.Warning, cancellationToken);
        return new ImportResult(run.Id, run.Status, run.Format, run.Mapping, run.RowsRead, run.RowsStored, run.RowsRejected,
            run.RowsDuplicate, errors, run.Message)
        {
            RowsUpdated = run.RowsUpdated,
            Warnings = run.Warnings,
            FirstWarnings = warnings,
            MessageReason = run.Message is null ? null : Reasons.ImportReason.Stored(run.MessageCode ?? 0, run.MessageArguments, run.Message),
        };
    }

    private static async Task<List<RowError>> FirstAsync(FunnelDbContext context, int importId, RowSeverity severity, CancellationToken cancellationToken) =>
        await context.ImportRowErrors.AsNoTracking()
            .Where(e => e.ImportId == importId && e.Severity == severity)
            .OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Take(ImportResult.MaxErrorsInResult)
            .Select(e => new { e.Line, e.Column, e.Reason, e.RawLine, e.Severity, e.ReasonCode, e.ReasonArguments })
            .AsAsyncEnumerable()
            .Select(e => new RowError(e.Line, e.Column, Reasons.ImportReason.Stored(e.ReasonCode, e.ReasonArguments, e.Reason), e.RawLine, e.Severity))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Writes the import's error file (<see cref="ImportErrorFile"/>: <c>line,column,severity,reason,raw_line</c>, formulas
    /// neutralised) when the import belongs to <paramref name="storeId"/>; false, writing nothing, when the store
    /// has no such import (an import id of another store is treated as unknown).
    /// </summary>
    public async Task<bool> WriteErrorsCsvAsync(int storeId, int importId, Stream output, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(storeId, importId, cancellationToken))
        {
            return false;
        }

        await ImportErrorFile.WriteAsync(database, importId, output, cancellationToken);
        return true;
    }
}
