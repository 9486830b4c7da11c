using System.Globalization;
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
                i.RowsRejected, i.RowsDuplicate, i.StartedUtc, i.FinishedUtc, i.Message))
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

        var errors = await context.ImportRowErrors.AsNoTracking()
            .Where(e => e.ImportId == importId)
            .OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Take(ImportResult.MaxErrorsInResult)
            .Select(e => new RowError(e.Line, e.Column, e.Reason, e.RawLine))
            .ToListAsync(cancellationToken);
        return new ImportResult(run.Id, run.Status, run.Format, run.Mapping, run.RowsRead, run.RowsStored, run.RowsRejected,
            run.RowsDuplicate, errors, run.Message);
    }

    /// <summary>
    /// Writes every row error of the import as CSV (<c>line,column,reason,raw_line</c>), streamed from the
    /// database; cells that a spreadsheet would run as a formula are neutralised. False when the store has
    /// no such import (nothing is written).
    /// </summary>
    public async Task<bool> WriteErrorsCsvAsync(int storeId, int importId, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(storeId, importId, cancellationToken))
        {
            return false;
        }

        await using var context = database.CreateContext();
        await output.WriteLineAsync("line,column,reason,raw_line");
        var errors = context.ImportRowErrors.AsNoTracking()
            .Where(e => e.ImportId == importId)
            .OrderBy(e => e.Line).ThenBy(e => e.Id)
            .AsAsyncEnumerable();
        await foreach (var error in errors.WithCancellation(cancellationToken))
        {
            await output.WriteLineAsync(string.Join(',',
                error.Line.ToString(CultureInfo.InvariantCulture),
                CsvCell.Escape(error.Column ?? ""),
                CsvCell.Escape(error.Reason),
                CsvCell.Escape(error.RawLine)));
        }

        return true;
    }
}
