using System.Buffers;
using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Domain;

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
            SELECT id, start_us, ordered_depth, open_mask, step_mask, last_step, signal_mask, exit_signal, cart_value, cart_items,
                   purchase_value, checkout_us, purchase_us, avg_page_load_ms, device, channel, country, last_event_name
            FROM sessions WHERE store_id = $store{after} ORDER BY start_us, id
            """, parameters);
        using var reader = command.ExecuteReader();
        var tracked = 1;
        var i = 0;
        while (reader.Read())
        {
            if (i % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var openMask = reader.GetInt32(3);
            var depth = reader.GetInt32(2);
            if (depth is < 0 or > (int)FunnelStage.Purchase || openMask is < 0 or >= 1 << ((int)FunnelStage.Purchase + 1))
            {
                // A value no rollup writes: the table was changed outside FunnelInsight, and no figure may be read from it.
                throw new InvalidDataException($"Session {reader.GetInt64(0)} of store {storeId} in the events database is damaged (stage {depth}, stages {openMask}).");
            }

            tracked |= openMask;
            table.RowId[i] = reader.GetInt64(0);
            table.StartUs[i] = reader.GetInt64(1);
            table.Depth[i] = (byte)depth;
            table.OpenMask[i] = (byte)openMask;
            table.StepMask[i] = (byte)reader.GetInt32(4);
            table.LastStep[i] = (byte)reader.GetInt32(5);
            table.SignalMask[i] = (byte)reader.GetInt32(6);
            table.ExitSignal[i] = (byte)reader.GetInt32(7);
            table.CartValue[i] = reader.GetDouble(8);
            table.CartItems[i] = reader.GetInt32(9);
            table.PurchaseValue[i] = reader.GetDouble(10);
            table.CheckoutUs[i] = reader.IsDBNull(11) ? SessionTable.NoTime : reader.GetInt64(11);
            table.PurchaseUs[i] = reader.IsDBNull(12) ? SessionTable.NoTime : reader.GetInt64(12);
            table.PageLoadMs[i] = reader.IsDBNull(13) ? float.NaN : (float)reader.GetDouble(13);
            table.Dimensions[0].Set(i, Text(reader, 14));
            table.Dimensions[1].Set(i, Text(reader, 15));
            table.Dimensions[2].Set(i, Text(reader, 16));
            table.LastEvent.Set(i, Text(reader, 17));
            i++;
        }

        table.Tracked = new TrackedStages(tracked);
        foreach (var column in table.Dimensions.Append(table.LastEvent))
        {
            _ = column.Values; // each value's spelling chosen now, before queries share the table
        }

        return table;
    }

    /// <summary>The visitor of every session in <paramref name="table"/> and its stage path.</summary>
    public static VisitorPaths LoadVisitors(DuckDBConnection connection, int storeId, SessionTable table, CancellationToken cancellationToken)
    {
        var paths = new VisitorPathsBuilder(table);
        using var command = DuckDbFile.Command(connection, "SELECT id, visitor_key, stage_path FROM sessions WHERE store_id = $store", ("store", storeId));
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

    private static string? Text(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
