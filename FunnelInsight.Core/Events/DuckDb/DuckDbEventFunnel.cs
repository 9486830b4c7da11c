using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// A user-defined funnel in one SQL statement over the events table: each event of a selected unit that can reach a step
/// gets the bit mask of those steps (the names from a temporary table, the narrowings and the landing as conditions),
/// each step is reached by the earliest such event after the previous step's (one grouped join per step, the greedy
/// rule), and the units are counted by the steps they reached.
/// </summary>
/// <remarks>
/// Written so that DuckDB can spill every part past its memory limit: an event's place in its unit is one HUGEINT (a
/// struct's <c>min</c> is not), and the join of the events with their sessions is on the group alone, the session's time
/// span a filter of differences after it (as range conditions of the hash join, DuckDB built its table on the events
/// and ran out of memory at 10,000,000 events instead of spilling).
/// </remarks>
internal static class DuckDbEventFunnel
{
    // An event's place in its unit: its time, then its session's rank in the unit (by start, then id), then its number in
    // the store (file order), as time × 2^64 + rank × 2^40 + number; a number has 40 bits (StoreRowIds), a rank 24.
    private const string Place = "e.time_us::HUGEINT * 18446744073709551616 + (u.session_rank::HUGEINT * 1099511627776 + (e.id & 1099511627775))";
    private const long MaxRank = 1 << 24;

    public static IReadOnlyList<EventFunnelRow> Run(DuckDBConnection connection, EventFunnelQuery query, CancellationToken cancellationToken)
    {
        DuckDbFile.Execute(connection, "CREATE OR REPLACE TEMP TABLE funnel_names (event_name VARCHAR NOT NULL, mask INTEGER NOT NULL)");
        try
        {
            FillNames(connection, query.Steps);
            using var command = DuckDbFile.Command(connection, Sql(query));
            using var reader = command.ExecuteReader();
            var rows = new List<EventFunnelRow>();
            while (reader.Read())
            {
                rows.Add(new EventFunnelRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }

            cancellationToken.ThrowIfCancellationRequested();
            return rows;
        }
        finally
        {
            DuckDbFile.Execute(connection, "DROP TABLE IF EXISTS funnel_names");
        }
    }

    /// <summary>
    /// The statement (over the <c>funnel_names</c> table); its rows are the mask of the steps reached (open) or of one
    /// step reached (ordered: a unit that reached step k is counted in the rows of steps 0 to k), the breakdown value,
    /// the slot and the units.
    /// </summary>
    public static string Sql(EventFunnelQuery query)
    {
        var landing = 0;
        var landingThenOther = 0;
        for (var k = 0; k < query.Steps.Count; k++)
        {
            landing |= query.Steps[k].Landing ? 1 << k : 0;
            landingThenOther |= query.Steps[k].Landing && (k + 1 == query.Steps.Count || !query.Steps[k + 1].Landing) ? 1 << k : 0;
        }

        // Without a landing step only events of the steps' names can reach one; with it, a session's first event too.
        var firstEvent = landing == 0 ? "" : $" | CASE WHEN row_number() OVER (PARTITION BY id ORDER BY time_us, event_id) = 1 THEN {landing} ELSE 0 END";
        var names = landing == 0 ? "JOIN" : "LEFT JOIN";
        var from = (query.FromUs is { } fromUs ? $" AND e.time_us >= {Number(fromUs)}" : "") + NamesOnly(query.Steps, landing);
        var window = query.WindowUs is { } windowUs ? $"u.entry_us + {Number(windowUs)} - e.time_us" : "0";
        var matched = $"""
            matched AS MATERIALIZED (
                SELECT unit, place, m FROM (
                    SELECT unit, place, (names & ~narrowed){firstEvent} AS m FROM (
                        SELECT u.unit, u.id, e.time_us, e.id AS event_id, {Place} AS place, coalesce(n.mask, 0) AS names,
                               {Narrowed(query.Steps)} AS narrowed,
                               e.time_us - u.start_us AS since_start, u.end_us - e.time_us AS before_end, {window} AS before_window_end
                        FROM events e
                        {names} funnel_names n ON n.event_name = e.event_name
                        JOIN u ON e.has_session = u.has_session AND e.group_key = u.group_key
                        WHERE e.store_id = {Number(query.StoreId)}{from})
                    WHERE since_start >= 0 AND before_end >= 0 AND before_window_end >= 0)
                WHERE m <> 0)
            """;

        // A unit's value and slot are its first session's, joined at the end only when the count is split by them.
        var count = query.Breakdown is null && !query.BySlot
            ? "SELECT mask::INTEGER, NULL::VARCHAR, 0::BIGINT, count(*) FROM reached GROUP BY mask"
            : "SELECT r.mask::INTEGER, u.grp, u.slot, count(*) FROM reached r JOIN u ON u.id = r.unit GROUP BY ALL";
        if (query.Mode == FunnelMode.Open)
        {
            return $"""
                WITH u AS ({Units(query)}),
                {matched},
                reached AS (SELECT unit, bit_or(m) AS mask FROM matched GROUP BY unit)
                {count}
                """;
        }

        // Ordered: step k's event is the earliest of step k after step k − 1's, one grouped join per step; after the
        // landing, the landing event itself may reach the next step.
        var steps = new StringBuilder("r0 AS (SELECT unit, min(place) AS place FROM matched WHERE (m & 1) <> 0 GROUP BY unit)");
        var reached = new StringBuilder("SELECT unit, 1 AS mask FROM r0");
        for (var k = 1; k < query.Steps.Count; k++)
        {
            var after = (landingThenOther >> (k - 1) & 1) == 1 ? ">=" : ">";
            steps.Append(CultureInfo.InvariantCulture, $"""
                ,
                r{k} AS (SELECT x.unit, min(x.place) AS place FROM matched x JOIN r{k - 1} p ON p.unit = x.unit
                         WHERE (x.m & {1 << k}) <> 0 AND x.place {after} p.place GROUP BY x.unit)
                """);
            reached.Append(CultureInfo.InvariantCulture, $" UNION ALL SELECT unit, {1 << k} FROM r{k}");
        }

        return $"""
            WITH u AS ({Units(query)}),
            {matched},
            {steps},
            reached AS ({reached})
            {count}
            """;
    }

    // The selected sessions with their unit: a visitor's unit is its first selected session (by start, then id), whose
    // start is the window's origin and whose value the breakdown's; session_rank orders a unit's sessions.
    private static string Units(EventFunnelQuery query)
    {
        var group = query.Breakdown is { } dimension ? Column(dimension) : "NULL::VARCHAR";
        var where = new StringBuilder($"store_id = {Number(query.StoreId)}");
        where.Append(query.FromUs is { } from ? $" AND start_us >= {Number(from)}" : "").Append(query.ToUs is { } to ? $" AND start_us < {Number(to)}" : "");
        for (var d = 0; d < query.Filters.Count; d++)
        {
            if (query.Filters[d] is { } spellings)
            {
                where.Append(" AND ").Append(Column((FunnelDimension)d))
                    .Append(spellings.Count == 0 ? " IS NULL AND FALSE" : " IN (" + string.Join(", ", spellings.Select(DuckDbFile.Quote)) + ")");
            }
        }

        var slot = query.BySlot ? $"entry_us // {Number(EventFunnelQuery.SlotUs)}" : "0";
        var units = query.Scope == FunnelScope.Visitor
            ? $"""
               SELECT id, has_session, group_key, start_us, end_us,
                      first_value(id) OVER w AS unit, first_value(start_us) OVER w AS entry_us, first_value(grp) OVER w AS grp,
                      row_number() OVER w - 1 AS session_rank
               FROM (SELECT id, has_session, group_key, start_us, end_us, visitor_key, {group} AS grp FROM sessions WHERE {where})
               WINDOW w AS (PARTITION BY visitor_key ORDER BY start_us, id)
               """
            : $"SELECT id, has_session, group_key, start_us, end_us, id AS unit, start_us AS entry_us, {group} AS grp, 0 AS session_rank FROM sessions WHERE {where}";
        return $"""
            SELECT id, has_session, group_key, start_us, end_us, unit, entry_us, grp, {slot} AS slot,
                   CASE WHEN session_rank < {Number(MaxRank)} THEN session_rank ELSE error('A visitor has more than {Number(MaxRank)} sessions.') END AS session_rank
            FROM ({units})
            """;
    }

    // Without a landing step, the steps' names as a condition on the events themselves, so that DuckDB filters them in
    // the scan instead of carrying every event into the join with the sessions: at 10,000,000 events that join received
    // all 9,997,525 events (3.2 s of the statement in DuckDB's profile) where 4,924,576 were of the steps' names.
    private static string NamesOnly(IReadOnlyList<EventFunnelStep> steps, int landing)
    {
        if (landing != 0)
        {
            return "";
        }

        return EventFunnelMasks.NameList(steps, DuckDbFile.Quote) is { } names ? $" AND e.event_name IN ({names})" : " AND FALSE";
    }

    // The bits of the narrowed steps whose conditions the event fails.
    private static string Narrowed(IReadOnlyList<EventFunnelStep> steps)
    {
        var parts = EventFunnelMasks.Narrowed(steps, Condition)
            .Select(step => $"CASE WHEN coalesce({step.Conditions}, FALSE) THEN 0 ELSE {step.Bit} END").ToList();
        return parts.Count == 0 ? "0" : string.Join(" | ", parts);
    }

    private static string Condition(StepNarrowing narrowing) => narrowing.Field == StepField.Product
        ? $"e.product_id = {DuckDbFile.Quote(narrowing.Value)}"
        : $"lower(e.{narrowing.Field.ToString().ToLowerInvariant()}) = lower({DuckDbFile.Quote(narrowing.Value)})";

    private static string Column(FunnelDimension dimension) => dimension.ToString().ToLowerInvariant();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void FillNames(DuckDBConnection connection, IReadOnlyList<EventFunnelStep> steps)
    {
        using var appender = connection.CreateAppender("funnel_names");
        foreach (var (name, mask) in EventFunnelMasks.ByName(steps))
        {
            appender.CreateRow().AppendValue(name).AppendValue(mask).EndRow();
        }
    }
}
