using System.Text;
using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// Rolls sessions up again with the C# rollup builder (so every definition stays in one place): deletes the sessions of
/// the groups asked for, reads those groups' events from DuckDB into the builder's partitions, and appends the
/// sessions it builds, on the caller's connection and transaction.
/// </summary>
internal static class DuckDbSessionRoller
{
    /// <summary>The groups of the events of one import: <c>$store</c> and <c>$import</c>.</summary>
    public const string ImportGroups = "SELECT DISTINCT has_session, group_key FROM events WHERE store_id = $store AND import_id = $import";

    /// <summary>The stages the store's events track (landing always).</summary>
    public static TrackedStages Tracked(DuckDBConnection connection, int storeId, StageMap map)
    {
        var stages = new StageTracker(map);
        using var command = DuckDbFile.Command(connection, "SELECT DISTINCT event_name FROM events WHERE store_id = $store AND event_name IS NOT NULL", ("store", storeId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stages.Observe(Encoding.UTF8.GetBytes(reader.GetString(0)));
        }

        return stages.Tracked;
    }

    /// <summary>
    /// Replaces the sessions of the groups <paramref name="groupsSql"/> selects (<c>has_session, group_key</c>; every
    /// group of the store when null); returns how many stored events it read and how many sessions it wrote.
    /// </summary>
    public static RollupRead Roll(DuckDBConnection connection, int storeId, SessionRules rules, string? groupsSql, int? importId, CancellationToken cancellationToken)
    {
        var tracked = Tracked(connection, storeId, rules.Map);
        var parameters = importId is { } id ? new[] { ("store", (object?)storeId), ("import", (object?)id) } : [("store", storeId)];
        // New sessions take ids past every one the store has had, so that a session rolled up again is a new row and an
        // untouched one keeps its id.
        var nextId = DuckDbFile.Scalar(connection, "SELECT coalesce(max(id), $first) + 1 FROM sessions WHERE store_id = $store",
            ("store", storeId), ("first", StoreRowIds.First(storeId)));
        DuckDbFile.Execute(connection, groupsSql is null
            ? "DELETE FROM sessions WHERE store_id = $store"
            : $"DELETE FROM sessions x USING ({groupsSql}) g WHERE x.store_id = $store AND g.has_session = x.has_session AND g.group_key = x.group_key", parameters);

        // The groups' events are found once, into a temporary table that is counted (to size the partitions) and read.
        var source = "events";
        if (groupsSql is not null)
        {
            DuckDbFile.Execute(connection, $"""
                CREATE OR REPLACE TEMP TABLE touched_events AS
                SELECT x.* FROM events x JOIN ({groupsSql}) g ON g.has_session = x.has_session AND g.group_key = x.group_key
                WHERE x.store_id = $store
                """, parameters);
            source = "touched_events";
        }

        var events = DuckDbFile.Scalar(connection, $"SELECT count(*) FROM {source} WHERE store_id = $store", ("store", storeId));
        var (read, sessions) = events == 0 ? (0, 0) : Build(connection, storeId, rules, tracked, source, events, nextId, cancellationToken);
        if (groupsSql is not null)
        {
            // After a failure the table goes with the write's connection instead.
            DuckDbFile.Execute(connection, "DROP TABLE touched_events");
        }

        return new RollupRead(read, sessions);
    }

    private static (long Read, long Sessions) Build(DuckDBConnection connection, int storeId, SessionRules rules, TrackedStages tracked, string source, long events, long nextId, CancellationToken cancellationToken)
    {
        using var partitions = new EventPartitions(StoreRollups.TemporaryFolder(), events);
        var read = ReadInto(connection, $"""
            SELECT id, time_us, identity_hash, price, quantity, page_load_ms, has_session,
                   session_key, visitor_key, event_name, device, channel, country
            FROM {source} WHERE store_id = $store
            """, [("store", storeId)], partitions, cancellationToken);
        using var appender = connection.CreateAppender("sessions");
        var sessions = new SessionRollupBuilder(rules.Map, rules.SessionTimeout).Build(
            partitions, tracked, () => new DuckDbSessionSink(), sink => sink.AppendTo(appender, storeId, ref nextId), cancellationToken, SessionRollupBuilder.DefaultThreads);
        return (read, sessions);
    }

    private static long ReadInto(DuckDBConnection connection, string sql, (string, object?)[] parameters, EventPartitions partitions, CancellationToken cancellationToken)
    {
        using var command = DuckDbFile.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var buffer = new byte[1024];
        long rows = 0;
        while (reader.Read())
        {
            if (++rows % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            string? session = Text(reader, 7), visitor = Text(reader, 8), name = Text(reader, 9), device = Text(reader, 10), channel = Text(reader, 11), country = Text(reader, 12);
            var size = Encoding.UTF8.GetMaxByteCount((session?.Length ?? 0) + (visitor?.Length ?? 0) + (name?.Length ?? 0) + (device?.Length ?? 0) + (channel?.Length ?? 0) + (country?.Length ?? 0));
            if (size > buffer.Length)
            {
                buffer = new byte[size];
            }

            var at = 0;
            var bytes = buffer.AsSpan();
            partitions.Add(new PartitionedEvent
            {
                Id = reader.GetInt64(0),
                TimeUs = reader.GetInt64(1),
                IdentityHash = reader.GetInt64(2),
                Price = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Quantity = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                PageLoadMs = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                HasSession = reader.GetBoolean(6),
                SessionKey = Utf8(bytes, ref at, session),
                VisitorKey = Utf8(bytes, ref at, visitor),
                EventName = Utf8(bytes, ref at, name),
                HasDevice = device is not null,
                Device = Utf8(bytes, ref at, device),
                HasChannel = channel is not null,
                Channel = Utf8(bytes, ref at, channel),
                HasCountry = country is not null,
                Country = Utf8(bytes, ref at, country),
            });
        }

        return rows;
    }

    private static string? Text(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static ReadOnlySpan<byte> Utf8(Span<byte> buffer, ref int at, string? text)
    {
        if (text is null)
        {
            return default;
        }

        var written = Encoding.UTF8.GetBytes(text, buffer[at..]);
        var span = buffer.Slice(at, written);
        at += written;
        return span;
    }
}
