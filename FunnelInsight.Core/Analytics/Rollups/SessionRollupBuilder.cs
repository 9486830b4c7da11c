using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Rebuilds a store's <see cref="SessionSummary"/> rows from its events in one ordered pass, holding one
/// session in memory at a time. Events without a session id are grouped by visitor and cut into sessions
/// at the store's inactivity timeout.
/// </summary>
internal static class SessionRollupBuilder
{
    private const string ReadEvents = """
        SELECT SessionKey, VisitorKey, TimeUs, EventName, Price, Quantity, Device, Channel, Country, PageLoadMs
        FROM Events WHERE StoreId = $store
        ORDER BY SessionKey IS NULL, COALESCE(SessionKey, VisitorKey), TimeUs, ImportId, Line
        """;

    private const string InsertSession = """
        INSERT INTO Sessions (StoreId, SessionKey, VisitorKey, StartUs, EndUs, Device, Channel, Country, OrderedDepth,
            ProductUs, CartUs, CheckoutUs, PurchaseUs, OpenMask, StepMask, LastStep, SignalMask, ExitSignal, LastEventName,
            CartValue, CartItems, PurchaseValue, EventCount, AvgPageLoadMs, StagePath)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18,
            $p19, $p20, $p21, $p22, $p23, $p24)
        """;

    /// <summary>Replaces the store's session rollups; returns how many sessions it wrote.</summary>
    public static long Rebuild(SqliteConnection connection, SqliteTransaction transaction, int storeId, StageMap map, TimeSpan sessionTimeout, CancellationToken cancellationToken)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM Sessions WHERE StoreId = $store";
            delete.Parameters.AddWithValue("$store", storeId);
            delete.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSession;
        for (var i = 0; i < 25; i++)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
        }

        insert.Prepare();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = ReadEvents;
        read.Parameters.AddWithValue("$store", storeId);
        using var reader = read.ExecuteReader();

        var timeoutUs = (long)sessionTimeout.TotalMicroseconds;
        var events = new List<SessionEvent>();
        string? groupKey = null, visitor = null;
        var fromColumn = false;
        long written = 0;
        void Emit()
        {
            if (events.Count == 0)
            {
                return;
            }

            var key = fromColumn ? groupKey! : $"{visitor}#{events[0].TimeUs}";
            Write(insert, SessionRollup.Build(storeId, key, visitor!, events));
            events.Clear();
            if (++written % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        while (reader.Read())
        {
            var sessionKey = reader.IsDBNull(0) ? null : reader.GetString(0);
            var visitorKey = reader.GetString(1);
            var timeUs = reader.GetInt64(2);
            var key = sessionKey ?? visitorKey;
            var newGroup = key != groupKey || (sessionKey is null) == fromColumn;
            var timedOut = sessionKey is null && events.Count > 0 && timeUs - events[^1].TimeUs > timeoutUs;
            if (newGroup || timedOut)
            {
                Emit();
                groupKey = key;
                visitor = visitorKey;
                fromColumn = sessionKey is not null;
            }

            var name = reader.GetString(3);
            events.Add(new SessionEvent(
                timeUs,
                name,
                map.Meaning(name),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9)));
        }

        Emit();
        return written;
    }

    private static void Write(SqliteCommand insert, SessionSummary s)
    {
        object?[] values =
        [
            s.StoreId, s.SessionKey, s.VisitorKey, s.StartUs, s.EndUs, s.Device, s.Channel, s.Country, s.OrderedDepth,
            s.ProductUs, s.CartUs, s.CheckoutUs, s.PurchaseUs, s.OpenMask, s.StepMask, s.LastStep, s.SignalMask, s.ExitSignal,
            s.LastEventName, s.CartValue, s.CartItems, s.PurchaseValue, s.EventCount, s.AvgPageLoadMs, s.StagePath,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        insert.ExecuteNonQuery();
    }
}
