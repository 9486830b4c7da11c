using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
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
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
            ?24, ?25)
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

        // Bound by position on the native handle, inside the import's transaction (see PositionalStatement).
        using var insert = new PositionalStatement(connection, InsertSession);
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

    private static void Write(PositionalStatement insert, SessionSummary s)
    {
        insert.Bind(1, s.StoreId);
        insert.Bind(2, s.SessionKey);
        insert.Bind(3, s.VisitorKey);
        insert.Bind(4, s.StartUs);
        insert.Bind(5, s.EndUs);
        insert.Bind(6, s.Device);
        insert.Bind(7, s.Channel);
        insert.Bind(8, s.Country);
        insert.Bind(9, s.OrderedDepth);
        insert.Bind(10, s.ProductUs);
        insert.Bind(11, s.CartUs);
        insert.Bind(12, s.CheckoutUs);
        insert.Bind(13, s.PurchaseUs);
        insert.Bind(14, s.OpenMask);
        insert.Bind(15, s.StepMask);
        insert.Bind(16, s.LastStep);
        insert.Bind(17, s.SignalMask);
        insert.Bind(18, s.ExitSignal);
        insert.Bind(19, s.LastEventName);
        insert.Bind(20, s.CartValue);
        insert.Bind(21, s.CartItems);
        insert.Bind(22, s.PurchaseValue);
        insert.Bind(23, s.EventCount);
        insert.Bind(24, s.AvgPageLoadMs);
        insert.Bind(25, s.StagePath);
        insert.Execute();
    }
}
