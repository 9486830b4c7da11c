using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Stores;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Import;

/// <summary>
/// Deletes one import: its events (those no other import also delivered), the orders it first stored, its row errors
/// and its record; the store's sessions are rebuilt from what is left, so every report reflects it at once.
/// </summary>
public sealed class ImportDeletion(FunnelDatabase database)
{
    /// <summary>
    /// Deletes import <paramref name="importId"/> of store <paramref name="storeId"/>. Waits for the write turn (an import
    /// that is storing ends first, calling <paramref name="waiting"/> once), then refuses an import still running or waiting.
    /// </summary>
    public Task<ImportDeletionResult> DeleteAsync(int storeId, int importId, Action? waiting = null, CancellationToken cancellationToken = default) =>
        Task.Run(
            async () =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                using var transaction = database.BeginWrite(connection, waiting, cancellationToken);
                var found = Find(connection, transaction, storeId, importId);
                if (found is not { } import)
                {
                    return new ImportDeletionResult(DeletionOutcome.NotFound, 0, 0);
                }

                if (import.Status == ImportStatus.Running)
                {
                    return new ImportDeletionResult(DeletionOutcome.ImportRunning, 0, 0);
                }

                var rules = SessionRules.Read(connection, transaction, storeId)!;
                using var write = new StoreWrite(connection, transaction, storeId);
                var events = import.Kind == ImportKind.Events ? database.Events.DeleteImport(write, importId, rules, cancellationToken) : 0;
                var orders = Execute(connection, transaction, "DELETE FROM Orders WHERE StoreId = @store AND ImportId = @import", storeId, importId);
                Execute(connection, transaction, "DELETE FROM ImportRowErrors WHERE ImportId = @import", storeId, importId);
                Execute(connection, transaction, "DELETE FROM Imports WHERE Id = @import", storeId, importId);
                // Cached analytics reload the store's sessions at its next version.
                Execute(connection, transaction, "UPDATE Stores SET DataVersion = DataVersion + 1 WHERE Id = @store", storeId, importId);
                write.Commit();
                return new ImportDeletionResult(DeletionOutcome.Deleted, events, orders);
            },
            cancellationToken);

    private static (ImportKind Kind, ImportStatus Status)? Find(DbConnection connection, DbTransaction transaction, int storeId, int importId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Kind, Status FROM Imports WHERE Id = @import AND StoreId = @store";
        command.AddParameter("import", importId);
        command.AddParameter("store", storeId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ((ImportKind)reader.GetInt32(0), (ImportStatus)reader.GetInt32(1)) : null;
    }

    private static int Execute(DbConnection connection, DbTransaction transaction, string sql, int storeId, int importId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("store", storeId);
        command.AddParameter("import", importId);
        return command.ExecuteNonQuery();
    }
}
