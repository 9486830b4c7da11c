namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// Deletes a store's events and sessions once the application database has deleted the store: a kill in between
/// leaves rows of a store that no longer exists, which the next start deletes (<see cref="DuckDbReconciler"/>).
/// </summary>
internal sealed class DuckDbStoreDeletion(DuckDbFile file, int storeId) : IEnlistedWrite
{
    public void Prepare()
    {
    }

    public void Committed()
    {
        using var connection = file.Open();
        using var transaction = connection.BeginTransaction();
        DuckDbFile.Execute(connection, "DELETE FROM events WHERE store_id = $store", ("store", storeId));
        DuckDbFile.Execute(connection, "DELETE FROM sessions WHERE store_id = $store", ("store", storeId));
        DuckDbFile.Execute(connection, "DELETE FROM import_repeats WHERE store_id = $store", ("store", storeId));
        DuckDbFile.Execute(connection, "DELETE FROM pending_writes WHERE store_id = $store", ("store", storeId));
        transaction.Commit();
    }

    public void Dispose()
    {
    }
}
