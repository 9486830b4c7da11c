using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// Rolls sessions up again with the C# rollup builder (so every definition stays in one place): the write lists the
/// visible sessions of the groups asked for as replaced, and feeds the builder those groups' events in (group, time, id)
/// order, as ClickHouse sorts them (spilling to disk past a limit), inserting each session it builds as its own row.
/// </summary>
internal static class ClickHouseSessionRoller
{
    // Sessions are sent in inserts of this many rows: memory stays flat and ClickHouse gets few, large parts.
    private const int InsertRows = 100_000;

    /// <summary>The stages the events <paramref name="view"/> sees track (landing always).</summary>
    public static TrackedStages Tracked(ClickHouseConnection connection, ClickHouseView view, StageMap map)
    {
        var tracked = TrackedStages.LandingOnly;
        connection.Query($"SELECT DISTINCT event_name FROM events WHERE {view.Events()} AND event_name IS NOT NULL", row =>
        {
            if (map.Meaning(row.String(0)).Stage is { } stage)
            {
                tracked = tracked.With(stage);
            }
        });
        return tracked;
    }

    /// <summary>
    /// Replaces the sessions of the groups <paramref name="groupsSql"/> selects (<c>has_session, group_key</c>; every group
    /// of the store when null) within <paramref name="write"/>, from the events its view sees that <paramref name="keep"/>
    /// (a condition, or null) lets through; returns how many events it read and sessions it wrote.
    /// </summary>
    public static RollupRead Roll(ClickHouseWrite write, SessionRules rules, string? groupsSql, string? keep, CancellationToken cancellationToken)
    {
        var connection = write.Connection;
        var view = write.View;
        var storeId = write.StoreId;
        var tracked = Tracked(connection, view, rules.Map);
        var groups = groupsSql is null ? "" : $" AND (has_session, group_key) IN ({groupsSql})";
        var kept = keep is null ? "" : $" AND {keep}";
        // New sessions take ids past every one the store has had (committed or not), so an untouched session keeps its id.
        var nextId = Math.Max(connection.Scalar($"SELECT max(id) FROM sessions WHERE store_id = {storeId}"), StoreRowIds.First(storeId)) + 1;
        connection.Execute($"INSERT INTO session_drops (store_id, write_id, session_id, shard_key) SELECT store_id, {write.Id}, id, shard_key FROM sessions WHERE {view.Sessions()}{groups}");

        var body = new MemoryStream();
        var writer = new TsvWriter(body);
        void Send()
        {
            writer.Flush();
            if (writer.Rows > 0)
            {
                body.Position = 0;
                connection.InsertTsv("sessions", ClickHouseSchema.SessionColumns, body);
            }

            body.SetLength(0);
            writer = new TsvWriter(body);
        }

        // A session is built when the first event after it arrives: it takes the shard key of the group read before.
        var groupShard = "";
        var builder = new SessionRollupBuilder(rules.Map, rules.SessionTimeout, tracked, s =>
        {
            Row(writer, storeId, nextId++, write.Id, s, groupShard);
            if (writer.Rows >= InsertRows)
            {
                Send();
            }
        });
        long read = 0;
        connection.Query($"""
            SELECT has_session, group_key, visitor_key, time_us, event_name, price, quantity, device, channel, country, page_load_ms, shard_key
            FROM events WHERE {view.Events()}{groups}{kept}
            ORDER BY has_session, group_key, time_us, id
            SETTINGS max_bytes_before_external_sort = 200000000
            """, row =>
        {
            read++;
            var shard = row.String(11);
            builder.Add(new StoredGroupEvent(row.Bool(0), row.String(1), row.NullableString(2), row.Int64(3), row.NullableString(4),
                row.NullableDouble(5), row.NullableInt32(6), row.NullableString(7), row.NullableString(8), row.NullableString(9), row.NullableInt32(10)));
            groupShard = shard;
        }, cancellationToken);
        builder.Complete();
        Send();
        return new RollupRead(read, builder.Sessions);
    }

    /// <summary>Writes session <paramref name="s"/> as a row of the sessions table, with its group's shard key.</summary>
    public static void Row(TsvWriter writer, int storeId, long id, long writeId, SessionSummary s, string shardKey)
    {
        writer.Number(storeId).Number(id).Number(writeId).Number(s.FromSessionId ? 1 : 0).Text(s.FromSessionId ? s.SessionKey : s.VisitorKey)
            .Text(s.SessionKey).Text(s.VisitorKey).Number(s.StartUs).Number(s.EndUs).Text(s.Device).Text(s.Channel).Text(s.Country)
            .Number(s.OrderedDepth).Number(s.ProductUs).Number(s.CartUs).Number(s.CheckoutUs).Number(s.PurchaseUs).Number(s.OpenMask)
            .Number(s.StepMask).Number(s.LastStep).Number(s.SignalMask).Number(s.ExitSignal).Text(s.LastEventName).Real(s.CartValue)
            .Number(s.CartItems).Real(s.PurchaseValue).Number(s.EventCount).Real(s.AvgPageLoadMs).Text(s.StagePath).Text(shardKey).EndRow();
    }
}
