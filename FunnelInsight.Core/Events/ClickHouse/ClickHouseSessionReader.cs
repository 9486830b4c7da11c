using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>Reads a store's sessions into memory columns, and the few columns they leave out on demand, from one view.</summary>
internal static class ClickHouseSessionReader
{
    /// <summary>Every session the view sees, sorted by start (ties by session id).</summary>
    public static SessionTable Load(ClickHouseConnection connection, ClickHouseView view, CancellationToken cancellationToken)
    {
        var count = (int)connection.Scalar($"SELECT count() FROM sessions WHERE {view.Sessions()}");
        // A write under way is one the application database may not have confirmed yet: a table read now is right for
        // this moment, but not for keeping under a data version.
        var table = new SessionTable(count) { RowsRead = count, Unsettled = view.Unsettled };
        var tracked = 1;
        var i = 0;
        connection.Query($"""
            SELECT {SessionTableRows.Columns}
            FROM sessions WHERE {view.Sessions()} ORDER BY start_us, id
            """, row =>
        {
            tracked |= SessionTableRows.Read(table, i, row, view.StoreId);
            i++;
        }, cancellationToken);
        if (i != count)
        {
            throw new InvalidDataException($"The sessions of store {view.StoreId} changed while they were read ({count} counted, {i} read).");
        }

        return SessionTableRows.Finish(table, tracked);
    }

    /// <summary>The visitor of every session in <paramref name="table"/> and its stage path.</summary>
    public static VisitorPaths LoadVisitors(ClickHouseConnection connection, ClickHouseView view, SessionTable table, CancellationToken cancellationToken)
    {
        var paths = new VisitorPathsBuilder(table);
        connection.Query($"SELECT id, visitor_key, stage_path FROM sessions WHERE {view.Sessions()}", row =>
        {
            if (paths.Holds(row.Int64(0)))
            {
                paths.Add(row.Int64(0), row.String(1), row.Span(2));
            }
        }, cancellationToken);
        return paths.Build();
    }

    /// <summary>Session key, visitor key, start and end of each session id asked for.</summary>
    public static IReadOnlyDictionary<long, SessionKeys> Details(ClickHouseConnection connection, ClickHouseView view, IReadOnlyList<long> sessionIds)
    {
        var details = new Dictionary<long, SessionKeys>(sessionIds.Count);
        if (sessionIds.Count > 0)
        {
            // The ids are numbers the store gave, never text from data.
            connection.Query($"SELECT id, session_key, visitor_key, start_us, end_us FROM sessions WHERE {view.Sessions()} AND id IN ({ClickHouseConnection.List(sessionIds)})",
                row => details[row.Int64(0)] = new SessionKeys(row.String(1), row.String(2), row.Int64(3), row.Int64(4)));
        }

        return details;
    }

    /// <summary>Every session the view sees with its id, in id order.</summary>
    public static IReadOnlyList<(long Id, SessionSummary Session)> All(ClickHouseConnection connection, ClickHouseView view) =>
        connection.Rows($"""
            SELECT id, has_session, session_key, visitor_key, start_us, end_us, device, channel, country, ordered_depth,
                   product_us, cart_us, checkout_us, purchase_us, open_mask, step_mask, last_step, signal_mask, exit_signal,
                   last_event_name, cart_value, cart_items, purchase_value, event_count, avg_page_load_ms, stage_path
            FROM sessions WHERE {view.Sessions()} ORDER BY id
            """, r => (r.Int64(0), new SessionSummary
        {
            FromSessionId = r.Bool(1),
            SessionKey = r.String(2),
            VisitorKey = r.String(3),
            StartUs = r.Int64(4),
            EndUs = r.Int64(5),
            Device = r.NullableString(6),
            Channel = r.NullableString(7),
            Country = r.NullableString(8),
            OrderedDepth = r.Int32(9),
            ProductUs = r.NullableInt64(10),
            CartUs = r.NullableInt64(11),
            CheckoutUs = r.NullableInt64(12),
            PurchaseUs = r.NullableInt64(13),
            OpenMask = r.Int32(14),
            StepMask = r.Int32(15),
            LastStep = r.Int32(16),
            SignalMask = r.Int32(17),
            ExitSignal = r.Int32(18),
            LastEventName = r.String(19),
            CartValue = r.Double(20),
            CartItems = r.Int32(21),
            PurchaseValue = r.Double(22),
            EventCount = r.Int32(23),
            AvgPageLoadMs = r.NullableDouble(24),
            StagePath = r.Bytes(25),
        }));
}
