using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Ids of events and of session rollups carry their store: <c>Id = StoreId × 2^40 + n</c>, so one store's ids are one
/// contiguous range (and a database of the previous layout, whose event blocks were keyed so, is read store by store).
/// </summary>
internal static class StoreRowIds
{
    /// <summary>Ids in one store's range (2^40): a store can hold about a trillion rows of each kind.</summary>
    public const long PerStore = 1L << 40;

    /// <summary>The lowest id of the store's range (never used by a row).</summary>
    public static long First(int storeId) => storeId * PerStore;

    /// <summary>The highest id of the store's range.</summary>
    public static long Last(int storeId) => First(storeId) + PerStore - 1;

    /// <summary>The store's range as (first, last), for binding to <c>Id BETWEEN ?1 AND ?2</c>.</summary>
    public static long[] Range(int storeId) => [First(storeId), Last(storeId)];

    /// <summary>Deletes the store's rows of <paramref name="table"/> (a table of the previous layout keyed by these ids); returns how many.</summary>
    public static int Delete(DbConnection connection, DbTransaction transaction, string table, int storeId)
    {
        using var command = RangeCommand(connection, transaction, $"DELETE FROM {table} WHERE Id BETWEEN @first AND @last", storeId);
        return command.ExecuteNonQuery();
    }

    private static DbCommand RangeCommand(DbConnection connection, DbTransaction transaction, string sql, int storeId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("first", First(storeId));
        command.AddParameter("last", Last(storeId));
        return command;
    }
}
