using FunnelInsight.Core.Analytics.Sessions;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>A store's stored session rollups: counting, reading them back in id order, and deleting them.</summary>
internal static class SessionBlockStore
{
    /// <summary>Receives one stored session: its id, its values, and the bytes its text ranges point into.</summary>
    public delegate void SessionVisitor(long id, in SessionRecord session, ReadOnlySpan<byte> text);

    /// <summary>How many sessions the store has.</summary>
    public static long Count(SqliteConnection connection, int storeId)
    {
        using var rows = new RawRows(connection, "SELECT COALESCE(SUM(SessionCount), 0) FROM SessionBlocks WHERE Id BETWEEN ?1 AND ?2", StoreRowIds.Range(storeId));
        return rows.Read() ? rows.Int64(0) : 0;
    }

    /// <summary>Hands every session of store <paramref name="storeId"/> to <paramref name="visit"/>, in id order; returns how many.</summary>
    public static long Read(SqliteConnection connection, int storeId, SessionVisitor visit, CancellationToken cancellationToken) =>
        Read(connection, "SELECT Id, Data FROM SessionBlocks WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id", StoreRowIds.Range(storeId), visit, cancellationToken);

    /// <summary>
    /// Hands the sessions of the blocks that hold any of <paramref name="ids"/> to <paramref name="visit"/>, each such
    /// block whole and once: a few sessions' details without reading the whole store.
    /// </summary>
    public static void ReadAround(SqliteConnection connection, int storeId, IReadOnlyCollection<long> ids, SessionVisitor visit)
    {
        var wanted = ids.Order().ToArray();
        var keys = new List<long>();
        using (var rows = new RawRows(connection, "SELECT Id, LastSessionId FROM SessionBlocks WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id", StoreRowIds.Range(storeId)))
        {
            var next = 0;
            while (next < wanted.Length && rows.Read())
            {
                var (key, last) = (rows.Int64(0), rows.Int64(1));
                while (next < wanted.Length && wanted[next] < key)
                {
                    next++;
                }

                if (next < wanted.Length && wanted[next] <= last)
                {
                    keys.Add(key);
                }
            }
        }

        foreach (var key in keys)
        {
            Read(connection, "SELECT Id, Data FROM SessionBlocks WHERE Id = ?1", [key], visit, CancellationToken.None);
        }
    }

    /// <summary>Deletes every session rollup of the store, before they are written anew.</summary>
    public static void DeleteStore(SqliteConnection connection, SqliteTransaction transaction, int storeId) =>
        StoreRowIds.Delete(connection, transaction, "SessionBlocks", storeId);

    private static long Read(SqliteConnection connection, string sql, ReadOnlySpan<long> values, SessionVisitor visit, CancellationToken cancellationToken)
    {
        using var rows = new RawRows(connection, sql, values);
        var decoder = new SessionBlockDecoder();
        long count = 0;
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            decoder.Reset(rows.Int64(0), rows.Bytes(1));
            while (decoder.Next(out var id, out var session))
            {
                visit(id, session, decoder.Data);
                count++;
            }
        }

        return count;
    }
}
