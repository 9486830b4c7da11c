using System.Buffers;
using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>Reads a store's sessions table into memory columns, and the few columns they leave out on demand.</summary>
internal static class DuckDbSessionReader
{
    /// <summary>Every session of the store, sorted by start (ties by session id), from one snapshot.</summary>
    public static SessionTable Load(DuckDBConnection connection, int storeId, CancellationToken cancellationToken)
    {
        using var snapshot = connection.BeginTransaction();
        return Read(connection, storeId, null, cancellationToken);
    }

    /// <summary>
    /// The table <see cref="Load"/> would give now, from <paramref name="held"/> and one snapshot of what changed since it
    /// was read: the sessions written since (ids past its largest: a write never gives a new session a smaller id) and,
    /// only when some of its sessions are gone, the ids of those still stored.
    /// </summary>
    public static SessionTable Refresh(DuckDBConnection connection, int storeId, SessionTable held, CancellationToken cancellationToken)
    {
        if (!SessionTableMerge.CanMerge(held))
        {
            return Load(connection, storeId, cancellationToken);
        }

        using var snapshot = connection.BeginTransaction();
        var maxId = held.MaxRowId;
        HashSet<long>? stillStored = null;
        if (DuckDbFile.Scalar(connection, "SELECT count(*) FROM sessions WHERE store_id = $store AND id <= $max", ("store", storeId), ("max", maxId)) != held.Count)
        {
            stillStored = [];
            using var ids = DuckDbFile.Command(connection, "SELECT id FROM sessions WHERE store_id = $store AND id <= $max", ("store", storeId), ("max", maxId));
            using var reader = ids.ExecuteReader();
            while (reader.Read())
            {
                stillStored.Add(reader.GetInt64(0));
            }
        }

        return SessionTableMerge.Merge(held, stillStored, Read(connection, storeId, maxId, cancellationToken));
    }

    private static SessionTable Read(DuckDBConnection connection, int storeId, long? afterId, CancellationToken cancellationToken)
    {
        var after = afterId is null ? "" : " AND id > $after";
        (string, object?)[] parameters = afterId is { } id ? [("store", storeId), ("after", id)] : [("store", storeId)];
        var count = (int)DuckDbFile.Scalar(connection, "SELECT count(*) FROM sessions WHERE store_id = $store" + after, parameters);
        // A write marked pending is one the application database may not have confirmed yet (or that a deletion is
        // finishing): a table read now is right for this moment, but not for keeping under a data version.
        var pending = DuckDbFile.Scalar(connection, "SELECT count(*) FROM pending_writes WHERE store_id = $store", ("store", storeId)) > 0;
        var table = new SessionTable(count) { RowsRead = count, Unsettled = pending };
        using var command = DuckDbFile.Command(connection, $"""
            SELECT {SessionTableRows.Columns}
            FROM sessions WHERE store_id = $store{after} ORDER BY start_us, id
            """, parameters);
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        var tracked = 1;
        var i = 0;
        while (reader.Read())
        {
            if (i % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            tracked |= SessionTableRows.Read(table, i, new Row(reader), storeId);
            i++;
        }

        return SessionTableRows.Finish(table, tracked);
    }

    /// <summary>The visitor of every session in <paramref name="table"/> and its stage path.</summary>
    public static VisitorPaths LoadVisitors(DuckDBConnection connection, int storeId, SessionTable table, CancellationToken cancellationToken)
    {
        var paths = new VisitorPathsBuilder(table);
        using var command = DuckDbFile.Command(connection, "SELECT id, visitor_key, stage_path FROM sessions WHERE store_id = $store", ("store", storeId));
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (paths.Holds(reader.GetInt64(0)))
            {
                paths.Add(reader.GetInt64(0), reader.GetString(1), DuckDbFile.Bytes(reader, 2));
            }
        }

        return paths.Build();
    }

    /// <summary>Session key, visitor key, start and end of each session id asked for.</summary>
    public static IReadOnlyDictionary<long, SessionKeys> Details(DuckDBConnection connection, int storeId, IReadOnlyList<long> sessionIds)
    {
        var details = new Dictionary<long, SessionKeys>(sessionIds.Count);
        if (sessionIds.Count == 0)
        {
            return details;
        }

        // The ids are numbers the store gave, never text from data: they are written into the list as they are.
        var list = string.Join(",", sessionIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var command = DuckDbFile.Command(connection, $"SELECT id, session_key, visitor_key, start_us, end_us FROM sessions WHERE store_id = $store AND id IN ({list})", ("store", storeId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            details[reader.GetInt64(0)] = new SessionKeys(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return details;
    }

    // A DuckDB reader's current row as the engine-neutral session row.
    private readonly struct Row(DuckDBDataReader reader) : ISessionRow
    {
        public bool IsNull(int i) => reader.IsDBNull(i);

        public long Int64(int i) => reader.GetInt64(i);

        public int Int32(int i) => reader.GetInt32(i);

        public double Double(int i) => reader.GetDouble(i);

        public string? NullableString(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
    }
}
