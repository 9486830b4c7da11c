using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>Reads a store's stored events into rollup partitions, straight from SQLite's UTF-8 text.</summary>
internal static class StoredEventReader
{
    private const string Select = """
        SELECT Id, TimeUs, IdentityHash, Price, Quantity, PageLoadMs, SessionKey, VisitorKey, EventName, Device, Channel, Country
        FROM Events WHERE Id BETWEEN ?1 AND ?2
        """;

    /// <summary>Adds every event of the store to <paramref name="partitions"/>; returns how many.</summary>
    public static long ReadInto(SqliteConnection connection, int storeId, EventPartitions partitions, CancellationToken cancellationToken)
    {
        using var rows = new RawRows(connection, Select, StoreRowIds.Range(storeId));
        long count = 0;
        while (rows.Read())
        {
            partitions.Add(new PartitionedEvent
            {
                Id = rows.Int64(0),
                TimeUs = rows.Int64(1),
                IdentityHash = rows.Int64(2),
                Price = rows.IsNull(3) ? null : rows.Double(3),
                Quantity = rows.IsNull(4) ? null : (int)rows.Int64(4),
                PageLoadMs = rows.IsNull(5) ? null : (int)rows.Int64(5),
                HasSession = !rows.IsNull(6),
                SessionKey = rows.Bytes(6),
                VisitorKey = rows.Bytes(7),
                EventName = rows.Bytes(8),
                HasDevice = !rows.IsNull(9),
                Device = rows.Bytes(9),
                HasChannel = !rows.IsNull(10),
                Channel = rows.Bytes(10),
                HasCountry = !rows.IsNull(11),
                Country = rows.Bytes(11),
            });
            if (++count % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return count;
    }
}
