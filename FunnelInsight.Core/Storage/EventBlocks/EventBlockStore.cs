using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>A store's stored events: the next id, reading them back in id order, and taking repeated ones out.</summary>
internal static class EventBlockStore
{
    /// <summary>The id the store's next event takes: one past the highest any of its blocks has held.</summary>
    public static long NextEventId(SqliteConnection connection, SqliteTransaction transaction, int storeId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(LastEventId) FROM EventBlocks WHERE Id BETWEEN $first AND $last";
        command.Parameters.AddWithValue("$first", StoreRowIds.First(storeId));
        command.Parameters.AddWithValue("$last", StoreRowIds.Last(storeId));
        return command.ExecuteScalar() is long highest ? highest + 1 : StoreRowIds.First(storeId) + 1;
    }

    /// <summary>
    /// Hands every event of store <paramref name="storeId"/> to <paramref name="visit"/> (its id, the event, and the
    /// text its ranges point into), in id order; returns how many.
    /// </summary>
    public static long Read(SqliteConnection connection, int storeId, EventVisitor visit, CancellationToken cancellationToken)
    {
        using var rows = new RawRows(connection, "SELECT Id, Data FROM EventBlocks WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id", StoreRowIds.Range(storeId));
        var decoder = new EventBlockDecoder();
        long count = 0;
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            decoder.Reset(rows.Int64(0), rows.Bytes(1));
            while (decoder.Next(out var id, out var row))
            {
                visit(id, row, decoder.Data);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Takes the events <paramref name="ids"/> out of the store: a block that loses every event is deleted, any other
    /// is rewritten without them under its key.
    /// </summary>
    public static void Delete(SqliteConnection connection, int storeId, EventIdSet ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var blocks = new List<(long Key, long Last, int Count)>();
        using (var rows = new RawRows(connection, "SELECT Id, LastEventId, EventCount FROM EventBlocks WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id", StoreRowIds.Range(storeId)))
        {
            while (rows.Read())
            {
                blocks.Add((rows.Int64(0), rows.Int64(1), (int)rows.Int64(2)));
            }
        }

        using var deleteBlock = new PositionalStatement(connection, "DELETE FROM EventBlocks WHERE Id = ?1");
        using var rewrite = new PositionalStatement(connection, "UPDATE EventBlocks SET EventCount = ?2, Data = ?3 WHERE Id = ?1");
        var encoder = new EventBlockEncoder();
        var decoder = new EventBlockDecoder();
        foreach (var (key, last, count) in blocks)
        {
            var doomed = ids.CountBetween(key, last);
            if (doomed == 0)
            {
                continue;
            }

            if (doomed >= count)
            {
                deleteBlock.Bind(1, key);
                deleteBlock.Execute();
                continue;
            }

            using (var rows = new RawRows(connection, "SELECT Data FROM EventBlocks WHERE Id = ?1", [key]))
            {
                rows.Read();
                decoder.Reset(key, rows.Bytes(0));
            }

            encoder.StartAt(key);
            while (decoder.Next(out var id, out var row))
            {
                if (!ids.Contains(id))
                {
                    encoder.Add(id, row, decoder.Data);
                }
            }

            rewrite.Bind(1, key);
            rewrite.Bind(2, encoder.Count);
            rewrite.Bind(3, encoder.Data);
            rewrite.Execute();
        }
    }

    /// <summary>Receives one stored event.</summary>
    public delegate void EventVisitor(long id, in EventRow row, ReadOnlySpan<byte> text);
}
