using System.Diagnostics;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelInsight.Core.Import;

/// <summary>
/// Imports event and order exports into a store. Every import streams its file, keeps each bad row as a
/// row error, skips rows the store already has, and is all-or-nothing: one transaction holds its rows,
/// its row errors and the rebuilt session rollups, so a failure or cancel leaves the store as it was.
/// </summary>
public sealed partial class ImportService(FunnelDatabase database, ILogger<ImportService>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ImportService>.Instance;

    /// <summary>Imports one file. Bad rows do not fail the import; an unreadable file gives a Failed result.</summary>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = request.FileName ?? Path.GetFileName(request.FilePath);
        var run = await StartRunAsync(request, fileName, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        ImportResult result;
        try
        {
            result = await Task.Run(() => Import(request, run, progress, cancellationToken), CancellationToken.None);
        }
        catch (Exception ex) when (ex is ImportFileException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            var cancelled = ex is OperationCanceledException;
            result = new ImportResult(run.Id, cancelled ? ImportStatus.Cancelled : ImportStatus.Failed, "", "", 0, 0, 0, 0, [],
                cancelled ? "The import was cancelled; nothing was stored." : ex.Message);
            await FinishRunAsync(run.Id, result);
        }

        LogImportFinished(_logger, run.Id, fileName, request.StoreId, result.Status, result.Format, result.RowsRead,
            result.RowsStored, result.RowsRejected, result.RowsDuplicate, result.RowsUpdated, stopwatch.ElapsedMilliseconds);
        progress?.Report(new ImportProgress(ImportPhase.Done, run.FileSize, run.FileSize, result.RowsRead));
        return result;
    }

    /// <summary>
    /// Marks imports left running by a stopped process as failed (their transaction never committed) and deletes the
    /// temporary partition files such a process left (a day old or more, so that no running import loses its own).
    /// </summary>
    public async Task FailInterruptedAsync(CancellationToken cancellationToken = default)
    {
        StoreRollups.RemoveLeftovers(TimeSpan.FromDays(1));
        await using var context = database.CreateContext();
        await context.Imports.Where(i => i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(
                set => set.SetProperty(i => i.Status, ImportStatus.Failed)
                    .SetProperty(i => i.Message, "The import was interrupted; nothing was stored.")
                    .SetProperty(i => i.FinishedUtc, DateTime.UtcNow),
                cancellationToken);
    }

    private ImportResult Import(ImportRequest request, ImportRun run, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stream = new HashingReadStream(new FileStream(request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        using var connection = database.OpenAsync(cancellationToken).GetAwaiter().GetResult();
        using var transaction = connection.BeginTransaction();
        using var errors = new RowErrorWriter(connection, transaction, run.Id);
        var context = new ImportContext(connection, transaction, request.StoreId, run.Id, run.FileSize, errors,
            rows => progress?.Report(new ImportProgress(ImportPhase.Reading, stream.BytesRead, run.FileSize, rows)),
            rows => progress?.Report(new ImportProgress(ImportPhase.BuildingRollups, run.FileSize, run.FileSize, rows)),
            cancellationToken);

        ImportCounts counts;
        using (var reader = CsvSource.Open(stream))
        {
            counts = request.Kind == ImportKind.Events
                ? EventFileImporter.Run(reader, context, SessionRules.Read(connection, transaction, request.StoreId) ?? throw new ImportFileException($"Store {request.StoreId} does not exist."), request.Format, request.Mapping)
                : OrderFileImporter.Run(reader, context, request.Format, request.Mapping);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = new ImportResult(run.Id, ImportStatus.Succeeded, counts.Format, counts.Mapping, counts.RowsRead,
            counts.RowsStored, errors.Count, counts.RowsDuplicate, errors.First, null) { RowsUpdated = counts.RowsUpdated };
        Execute(connection, transaction, "UPDATE Stores SET DataVersion = DataVersion + 1 WHERE Id = $p0", request.StoreId);
        Execute(connection, transaction, "UPDATE Imports SET Sha256 = $p0 WHERE Id = $p1", stream.HashHex(), run.Id);
        FinishRun(connection, transaction, run.Id, result);
        transaction.Commit();
        return result;
    }

    private async Task<ImportRun> StartRunAsync(ImportRequest request, string fileName, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        if (!await context.Stores.AnyAsync(s => s.Id == request.StoreId, cancellationToken))
        {
            throw new ArgumentException($"Store {request.StoreId} does not exist.", nameof(request));
        }

        var run = new ImportRun
        {
            StoreId = request.StoreId,
            Kind = request.Kind,
            FileName = fileName,
            FileSize = File.Exists(request.FilePath) ? new FileInfo(request.FilePath).Length : 0,
            StartedUtc = DateTime.UtcNow,
            Status = ImportStatus.Running,
        };
        context.Imports.Add(run);
        await context.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task FinishRunAsync(int importId, ImportResult result)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        FinishRun(connection, transaction, importId, result);
        transaction.Commit();
    }

    private static void FinishRun(SqliteConnection connection, SqliteTransaction transaction, int importId, ImportResult result) =>
        Execute(connection, transaction, """
            UPDATE Imports SET Status = $p0, Format = $p1, Mapping = $p2, RowsRead = $p3, RowsStored = $p4,
                RowsRejected = $p5, RowsDuplicate = $p6, Message = $p7, FinishedUtc = $p8, RowsUpdated = $p10 WHERE Id = $p9
            """,
            (int)result.Status, result.Format, result.Mapping, result.RowsRead, result.RowsStored, result.RowsRejected,
            result.RowsDuplicate, result.Message, DateTime.UtcNow, importId, result.RowsUpdated);

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", values[i] ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of {FileName} into store {StoreId}: {Status} as {Format}, {RowsRead} read, {RowsStored} stored, {RowsRejected} rejected, {RowsDuplicate} duplicate, {RowsUpdated} updated in {ElapsedMs} ms")]
    private static partial void LogImportFinished(ILogger logger, int importId, string fileName, int storeId, ImportStatus status,
        string format, long rowsRead, long rowsStored, long rowsRejected, long rowsDuplicate, long rowsUpdated, long elapsedMs);
}
