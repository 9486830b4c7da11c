using System.Diagnostics;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Storage.Providers;
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

    /// <summary>
    /// Imports one file. Bad rows do not fail the import; an unreadable file gives a Failed result, a cancel a Cancelled
    /// one. While another writer holds the database the import waits its turn, reporting <see cref="ImportPhase.Waiting"/>.
    /// </summary>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = request.FileName ?? Path.GetFileName(request.FilePath);
        var fileSize = File.Exists(request.FilePath) ? new FileInfo(request.FilePath).Length : 0;
        var stopwatch = Stopwatch.StartNew();
        var started = await Task.Run(() => StartRun(request, fileName, fileSize, progress, cancellationToken), CancellationToken.None);
        if (started is not { } claimed)
        {
            return ImportResult.Ended(0, ImportStatus.Cancelled, Cancelled);
        }

        var (run, owner) = claimed;

        // The record's id, as soon as there is one: a shared job writes it beside its lease before the import writes anything.
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, run.FileSize, 0, run.Id));

        ImportResult result;
        using (owner)
        {
            try
            {
                result = await Task.Run(() => Import(request, fileName, run, progress, cancellationToken), CancellationToken.None);
            }
            catch (Exception ex) when (ex is ImportFileException or OperationCanceledException or IOException or UnauthorizedAccessException)
            {
                var cancelled = ex is OperationCanceledException;
                result = await EndedAsync(run.Id, cancelled ? ImportStatus.Cancelled : ImportStatus.Failed, cancelled ? Cancelled : ex is ImportFileException file ? file.Reason : Reasons.ImportReason.Plain(ex.Message));
            }
#pragma warning disable CA1031 // A bug or a broken database must not leave the record Running, nor reach a user as a stack trace.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogImportCrashed(_logger, ex, run.Id, fileName);
                result = await EndedAsync(run.Id, ImportStatus.Failed, Reasons.ImportReason.Of(Reasons.ImportReasonCode.Unexpected));
            }
        }

        LogImportFinished(_logger, run.Id, fileName, request.StoreId, result.Status, result.Format, result.RowsRead,
            result.RowsStored, result.RowsRejected, result.RowsDuplicate, result.RowsUpdated, result.Warnings, stopwatch.ElapsedMilliseconds);
        progress?.Report(new ImportProgress(ImportPhase.Done, run.FileSize, run.FileSize, result.RowsRead, run.Id));
        return result;
    }

    private static readonly Reasons.ImportReason Cancelled = Reasons.ImportReason.Of(Reasons.ImportReasonCode.Cancelled);

    /// <summary>The message of a cancelled import (in English, as the command line prints it).</summary>
    public static string CancelledMessage => Cancelled.Text;

    // Records an import that ended without its transaction. When even that cannot be written (the database is held by
    // another writer past the timeout), the record stays Running with its owner lock released: the next sweep marks it.
    private async Task<ImportResult> EndedAsync(int importId, ImportStatus status, Reasons.ImportReason reason)
    {
        var result = ImportResult.Ended(importId, status, reason);
        try
        {
            await FinishRunAsync(importId, result);
        }
        catch (DbException ex)
        {
            LogOutcomeNotRecorded(_logger, importId, status, ex.Message);
        }

        return result;
    }

    private ImportResult Import(ImportRequest request, string fileName, ImportRun run, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stream = new HashingReadStream(new FileStream(request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        using var connection = database.OpenAsync(cancellationToken).GetAwaiter().GetResult();
        using var transaction = database.BeginWrite(connection, () => progress?.Report(new ImportProgress(ImportPhase.Waiting, 0, run.FileSize, 0, run.Id)), cancellationToken);
        using var errors = new RowErrorWriter(connection, transaction, run.Id);
        using var write = new StoreWrite(connection, transaction, request.StoreId);
        var context = new ImportContext(write, database.Events, run.Id, errors,
            rows => progress?.Report(new ImportProgress(ImportPhase.Reading, stream.BytesRead, run.FileSize, rows, run.Id)),
            rows => progress?.Report(new ImportProgress(ImportPhase.BuildingRollups, run.FileSize, run.FileSize, rows, run.Id)),
            cancellationToken);

        ImportCounts counts;
        DecisionSource encodingSource;
        using (var reader = ExportReader.Open(stream, request.Encoding, fileName))
        {
            encodingSource = reader.Encoding.Detected ? DecisionSource.Detected : DecisionSource.Chosen;
            counts = request.Kind == ImportKind.Events
                ? EventFileImporter.Run(reader, context, (request.DateOrder, request.DecimalMark), SessionRules.Read(connection, transaction, request.StoreId) ?? throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.StoreMissing, request.StoreId.ToString(System.Globalization.CultureInfo.InvariantCulture))), request.Format, request.Mapping)
                : OrderFileImporter.Run(reader, context, (request.DateOrder, request.DecimalMark), request.Format, request.Mapping);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = new ImportResult(run.Id, ImportStatus.Succeeded, counts.Format, counts.Mapping, counts.RowsRead,
            counts.RowsStored, errors.Count, counts.RowsDuplicate, errors.First, null, counts.RowsBlank, counts.Encoding, counts.Conventions)
        {
            RowsUpdated = counts.RowsUpdated,
            EncodingSource = encodingSource,
            Warnings = errors.Warnings,
            FirstWarnings = errors.FirstWarnings,
        };
        Execute(connection, transaction, "UPDATE Stores SET DataVersion = DataVersion + 1 WHERE Id = @p0", request.StoreId);
        Execute(connection, transaction, "UPDATE Imports SET Sha256 = @p0 WHERE Id = @p1", stream.HashHex(), run.Id);
        FinishRun(connection, transaction, run.Id, result);
        write.Commit();
        if (counts.RolledUp is { } rolled)
        {
            LogRolledUp(_logger, run.Id, rolled.Sessions, rolled.EventsRead);
        }

        return result;
    }

    // The Running record is committed with its owner lock already held, so that a sweep never takes a live import for a dead one.
    // Null when cancelled while waiting for the database.
    private (ImportRun Run, OwnerLock Owner)? StartRun(ImportRequest request, string fileName, long fileSize, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        DbTransaction transaction;
        try
        {
            transaction = database.BeginWrite(connection, () => progress?.Report(new ImportProgress(ImportPhase.Waiting, 0, fileSize, 0)), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        using (transaction)
        using (var context = database.CreateContext(connection))
        {
            context.Database.UseTransaction(transaction);
            if (!context.Stores.Any(s => s.Id == request.StoreId))
            {
                throw new ArgumentException($"Store {request.StoreId} does not exist.", nameof(request));
            }

            var run = new ImportRun
            {
                StoreId = request.StoreId,
                Kind = request.Kind,
                FileName = fileName,
                FileSize = fileSize,
                StartedUtc = DateTime.UtcNow,
                Status = ImportStatus.Running,
            };
            context.Imports.Add(run);
            context.SaveChanges();
            var owner = new InterruptedImports(database).Own(run.Id);
            transaction.Commit();
            return (run, owner);
        }
    }

    private async Task FinishRunAsync(int importId, ImportResult result)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        FinishRun(connection, transaction, importId, result);
        transaction.Commit();
    }

    private static void FinishRun(DbConnection connection, DbTransaction transaction, int importId, ImportResult result) =>
        Execute(connection, transaction, """
            UPDATE Imports SET Status = @p0, Format = @p1, Mapping = @p2, RowsRead = @p3, RowsStored = @p4,
                RowsRejected = @p5, RowsDuplicate = @p6, Message = @p7, FinishedUtc = @p8, RowsUpdated = @p10, Warnings = @p11,
                MessageCode = @p12, MessageArguments = @p13 WHERE Id = @p9
            """,
            (int)result.Status, result.Format, result.Mapping, result.RowsRead, result.RowsStored, result.RowsRejected,
            result.RowsDuplicate, result.Message, DateTime.UtcNow, importId, result.RowsUpdated, result.Warnings,
            result.MessageReason is { } reason ? (int)reason.Code : null, result.MessageReason?.StoredArguments());

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.AddParameter($"p{i}", values[i] ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} of {FileName} stopped on an unexpected error")]
    private static partial void LogImportCrashed(ILogger logger, Exception exception, int importId, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} ended {Status} but the database could not record it ({Reason}); the next start marks it interrupted")]
    private static partial void LogOutcomeNotRecorded(ILogger logger, int importId, ImportStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} rolled up {SessionsRolledUp} sessions again from the {EventsRolledUp} stored events of the sessions it touched")]
    private static partial void LogRolledUp(ILogger logger, int importId, long sessionsRolledUp, long eventsRolledUp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of {FileName} into store {StoreId}: {Status} as {Format}, {RowsRead} read, {RowsStored} stored, {RowsRejected} rejected, {RowsDuplicate} duplicate, {RowsUpdated} updated, {Warnings} warnings in {ElapsedMs} ms")]
    private static partial void LogImportFinished(ILogger logger, int importId, string fileName, int storeId, ImportStatus status,
        string format, long rowsRead, long rowsStored, long rowsRejected, long rowsDuplicate, long rowsUpdated, long warnings, long elapsedMs);
}
