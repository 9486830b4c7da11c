using DuckDB.NET.Data;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// One DuckDB transaction enlisted in a <see cref="StoreWrite"/>. It prepares by writing its marker to
/// <c>pending_writes</c> and committing; once the application database has committed too, the marker is deleted. A
/// marker left by a kill between the two is reconciled at the next start (<see cref="DuckDbReconciler"/>).
/// </summary>
internal sealed class DuckDbWrite : IEnlistedWrite
{
    private readonly DuckDbFile.ThreadScope _threads;
    private readonly DuckDBTransaction _transaction;
    private readonly string _kind;
    private readonly int _storeId;
    private readonly int? _importId;
    private bool _prepared;

    /// <param name="file">The file <paramref name="connection"/> is of; DuckDB runs on the write's threads until it ends.</param>
    /// <param name="connection">A connection of its own to <paramref name="file"/>, which the write keeps and disposes.</param>
    /// <param name="kind">What the marker says was written: <c>import</c> or <c>rebuild</c>.</param>
    /// <param name="storeId">The store written.</param>
    /// <param name="importId">The import whose events these are, if any.</param>
    public DuckDbWrite(DuckDbFile file, DuckDBConnection connection, string kind, int storeId, int? importId)
    {
        Connection = connection;
        Sort = file.Sort;
        _threads = file.WriteThreads(connection);
        try
        {
            _transaction = connection.BeginTransaction();
        }
        catch
        {
            _threads.Dispose();
            throw;
        }

        (_kind, _storeId, _importId) = (kind, storeId, importId);
    }

    /// <summary>The write's connection, inside its transaction.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>What the session rollups' sort runs with (see <see cref="DuckDbSessionRoller"/>).</summary>
    public DuckDbSortSettings Sort { get; }

    public void Prepare()
    {
        DuckDbFile.Execute(Connection, "INSERT INTO pending_writes VALUES ($kind, $store, $import)",
            ("kind", _kind), ("store", _storeId), ("import", _importId));
        _transaction.Commit();
        _prepared = true;
    }

    public void Committed() => DuckDbFile.Execute(Connection, "DELETE FROM pending_writes WHERE kind = $kind AND store_id = $store AND import_id IS NOT DISTINCT FROM $import",
        ("kind", _kind), ("store", _storeId), ("import", _importId));

    public void Dispose()
    {
        try
        {
            if (!_prepared)
            {
                _transaction.Rollback();
            }

            _transaction.Dispose();
        }
        finally
        {
            _threads.Dispose();
            Connection.Dispose();
        }
    }
}
