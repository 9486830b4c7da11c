using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Import;

/// <summary>
/// Tells running imports from dead ones. A running import holds an <see cref="OwnerLock"/> on its own file beside the
/// database (taken before its Running record is committed, released after its outcome is) and one on the temporary
/// folder of its rollup (<see cref="StoreRollups"/>), so an import whose process was killed or crashed is one whose record says Running and whose lock
/// is free. The dashboard and the command line sweep at start: such imports are marked Interrupted (their transaction
/// never committed, so nothing of them is stored) and their temporary files are removed at once. An import of a shared
/// job run by another instance (whose lock file is on its own machine) is live while its job's lease is.
/// </summary>
public sealed class InterruptedImports(FunnelDatabase database)
{
    /// <summary>What an interrupted import's record says.</summary>
    public static string Message => Reasons.ImportReason.English(Reasons.ImportReasonCode.Interrupted);

    /// <summary>The owner lock file of import <paramref name="importId"/>.</summary>
    public string LockPath(int importId) =>
        Path.Combine(database.FilesFolder, "imports", "import-" + importId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".lock");

    /// <summary>Takes the owner lock of import <paramref name="importId"/> for the life of the import.</summary>
    internal OwnerLock Own(int importId) => OwnerLock.Take(LockPath(importId));

    /// <summary>
    /// Removes the temporary folders of dead rollups and marks dead imports Interrupted; returns the ids it marked. Waits at
    /// most <paramref name="wait"/> for the write lock: when another writer holds it longer, the records are left for the
    /// next sweep (the files are removed either way).
    /// </summary>
    public async Task<IReadOnlyList<int>> SweepAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        StoreRollups.RemoveLeftovers();
        await using var connection = await database.OpenAsync(cancellationToken);
        var dead = new List<int>();
        await using (var running = connection.CreateCommand())
        {
            running.CommandText = $"SELECT Id FROM Imports WHERE Status = {(int)ImportStatus.Running}";
            await using var reader = await running.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                dead.Add(reader.GetInt32(0));
            }
        }

        // A lock file left free here is a dead import of this machine; with none, the import may run on another instance.
        dead.RemoveAll(id => OwnerLock.IsHeld(LockPath(id)) || (!File.Exists(LockPath(id)) && FunnelInsight.Core.Events.StoreImports.IsLeased(connection, id)));

        if (dead.Count == 0)
        {
            return dead;
        }

        database.Provider.LimitWait(connection, wait);
        try
        {
            await using var transaction = connection.BeginTransaction();
            foreach (var id in dead)
            {
                await MarkAsync(connection, transaction, id, cancellationToken);
            }

            transaction.Commit();
        }
        catch (DbException ex) when (database.Provider.IsBusy(ex))
        {
            // Another writer holds the database (a long import): the next start marks them.
            return [];
        }

        foreach (var id in dead)
        {
            File.Delete(LockPath(id));
        }

        return dead;
    }

    /// <summary>
    /// Settles the attempt of a shared job whose instance stopped renewing its lease, for the instance taking the job
    /// over: import <paramref name="importId"/> is marked Interrupted when its record still says Running (its
    /// transaction died with its connection), and what it left in the event engine is settled by its record. Returns
    /// the status the record ends with: Succeeded when the attempt had committed (nothing is left to run).
    /// </summary>
    public async Task<ImportStatus?> TakeOverAsync(int importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var transaction = connection.BeginTransaction())
        {
            await MarkAsync(connection, transaction, importId, cancellationToken);
            transaction.Commit();
        }

        var status = FunnelInsight.Core.Events.StoreImports.StatusOf(connection, importId);
        database.Events.SettleImport(importId, status == ImportStatus.Succeeded);
        return status;
    }

    // Only while still Running: an import that finished since it was read keeps its outcome.
    private static async Task MarkAsync(DbConnection connection, DbTransaction transaction, int importId, CancellationToken cancellationToken)
    {
        await using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = "UPDATE Imports SET Status = @status, Message = @message, MessageCode = @code, MessageArguments = '[]', FinishedUtc = @now WHERE Id = @id AND Status = @running";
        mark.AddParameter("status", (int)ImportStatus.Interrupted);
        mark.AddParameter("message", Message);
        mark.AddParameter("code", (int)Reasons.ImportReasonCode.Interrupted);
        mark.AddParameter("now", DateTime.UtcNow);
        mark.AddParameter("id", importId);
        mark.AddParameter("running", (int)ImportStatus.Running);
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }
}
