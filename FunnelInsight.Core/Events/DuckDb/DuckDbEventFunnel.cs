using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// A user-defined funnel in one SQL statement over the events table: each event of a selected session gets the bit
/// mask of the steps it can reach (the names from a temporary table, the narrowings and the landing as conditions),
/// each step is reached by the earliest such event after the previous step's (one grouped join per step, the greedy rule), and
/// the units are counted by what they reached.
/// </summary>
internal static class DuckDbEventFunnel
{
    public static IReadOnlyList<EventFunnelRow> Run(DuckDBConnection connection, EventFunnelQuery query, CancellationToken cancellationToken)
    {
        DuckDbFile.Execute(connection, "CREATE OR REPLACE TEMP TABLE funnel_names (event_name VARCHAR NOT NULL, mask INTEGER NOT NULL)");
        try
        {
            FillNames(connection, query.Steps);
            using var command = DuckDbFile.Command(connection, Sql(query), Parameters(query));
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

    /// <summary>The statement (parameters <c>$store</c>, <c>$from</c>, <c>$to</c>, <c>$window</c>), for the benchmark to show.</summary>
    public static string Sql(EventFunnelQuery query)
    {
        var landing = 0;
        var landingThenOther = 0;
        for (var k = 0; k < query.Steps.Count; k++)
        {
            landing |= query.Steps[k].Landing ? 1 << k : 0;
            landingThenOther |= query.Steps[k].Landing && (k + 1 == query.Steps.Count || !query.Steps[k + 1].Landing) ? 1 << k : 0;
        }

        var group = query.Breakdown is { } dimension ? Column(dimension) : "NULL::VARCHAR";
        var where = new StringBuilder("store_id = $store");
        where.Append(query.FromUs is null ? "" : " AND start_us >= $from").Append(query.ToUs is null ? "" : " AND start_us < $to");
        for (var d = 0; d < query.Filters.Count; d++)
        {
            if (query.Filters[d] is { } spellings)
            {
                where.Append(" AND ").Append(Column((FunnelDimension)d))
                    .Append(spellings.Count == 0 ? " IS NULL AND FALSE" : " IN (" + string.Join(", ", spellings.Select(DuckDbFile.Quote)) + ")");
            }
        }

        // A visitor's unit is its first selected session (by start, then id): its start is the window's origin and its
        // value the breakdown's.
        var units = query.Scope == FunnelScope.Visitor
            ? $"""
               SELECT id, has_session, group_key, start_us, end_us,
                      first_value(id) OVER w AS unit, first_value(start_us) OVER w AS entry_us, first_value(grp) OVER w AS grp
               FROM (SELECT id, has_session, group_key, start_us, end_us, visitor_key, {group} AS grp FROM sessions WHERE {where})
               WINDOW w AS (PARTITION BY visitor_key ORDER BY start_us, id)
               """
            : $"SELECT id, has_session, group_key, start_us, end_us, id AS unit, start_us AS entry_us, {group} AS grp FROM sessions WHERE {where}";
        var firstEvent = landing == 0 ? "0" : $"CASE WHEN row_number() OVER (PARTITION BY s.id ORDER BY e.time_us, e.id) = 1 THEN {landing} ELSE 0 END";
        var narrowed = Narrowed(query.Steps);
        var window = query.WindowUs is null ? "" : " AND e.time_us <= s.entry_us + $window";

        var slot = query.BySlot ? $"u.entry_us // {EventFunnelQuery.SlotUs.ToString(CultureInfo.InvariantCulture)}" : "0";
        var matched = $"""
            matched AS MATERIALIZED (
                SELECT unit, pos, m FROM (
                    SELECT s.unit, struct_pack(t := e.time_us, s := s.start_us, i := s.id, e := e.id) AS pos,
                           (coalesce(n.mask, 0) & ~({narrowed})) | {firstEvent} AS m
                    FROM events e
                    JOIN s ON e.has_session = s.has_session AND e.group_key = s.group_key AND e.time_us BETWEEN s.start_us AND s.end_us
                    LEFT JOIN funnel_names n ON n.event_name = e.event_name
                    WHERE e.store_id = $store{(query.FromUs is null ? "" : " AND e.time_us >= $from")}{window})
                WHERE m <> 0)
            """;

        // A unit is its first session: its start and value are that session's.
        var count = $"""
            SELECT mask::INTEGER, u.grp, {slot} AS slot, count(*) AS units
            FROM reached r JOIN s u ON u.id = r.unit
            WHERE mask <> 0 GROUP BY ALL
            """;
        if (query.Mode == FunnelMode.Open)
        {
            return $"""
                WITH s AS ({units}),
                {matched},
                reached AS (SELECT unit, bit_or(m) AS mask FROM matched GROUP BY unit)
                {count}
                """;
        }

        // Ordered: step k's event (its time, session and line) is the earliest of step k after step k − 1's, one grouped
        // join per step; after the landing, the landing event itself may reach the next step.
        var steps = new StringBuilder($"r0 AS (SELECT unit, min(pos) AS pos FROM matched WHERE (m & 1) <> 0 GROUP BY unit)");
        var depth = new StringBuilder("1");
        var joins = new StringBuilder();
        for (var k = 1; k < query.Steps.Count; k++)
        {
            var after = (landingThenOther >> (k - 1) & 1) == 1 ? ">=" : ">";
            steps.Append(CultureInfo.InvariantCulture, $"""
                ,
                r{k} AS (SELECT x.unit, min(x.pos) AS pos FROM matched x JOIN r{k - 1} p ON p.unit = x.unit
                         WHERE (x.m & {1 << k}) <> 0 AND x.pos {after} p.pos GROUP BY x.unit)
                """);
            depth.Append(CultureInfo.InvariantCulture, $" + (r{k}.unit IS NOT NULL)::INTEGER");
            joins.Append(CultureInfo.InvariantCulture, $" LEFT JOIN r{k} ON r{k}.unit = r0.unit");
        }

        return $"""
            WITH s AS ({units}),
            {matched},
            {steps},
            reached AS (SELECT r0.unit, (1 << ({depth})) - 1 AS mask FROM r0{joins})
            {count}
            """;
    }

    // The bits of the narrowed steps whose conditions the event fails.
    private static string Narrowed(IReadOnlyList<EventFunnelStep> steps)
    {
        var parts = new List<string>();
        for (var k = 0; k < steps.Count; k++)
        {
            if (steps[k].Narrowings.Count > 0)
            {
                var conditions = string.Join(" AND ", steps[k].Narrowings.Select(Condition));
                parts.Add($"CASE WHEN coalesce({conditions}, FALSE) THEN 0 ELSE {1 << k} END");
            }
        }

        return parts.Count == 0 ? "0" : string.Join(" | ", parts);
    }

    private static string Condition(StepNarrowing narrowing) => narrowing.Field == StepField.Product
        ? $"e.product_id = {DuckDbFile.Quote(narrowing.Value)}"
        : $"lower(e.{narrowing.Field.ToString().ToLowerInvariant()}) = lower({DuckDbFile.Quote(narrowing.Value)})";

    private static string Column(FunnelDimension dimension) => dimension.ToString().ToLowerInvariant();

    private static (string, object?)[] Parameters(EventFunnelQuery query) =>
    [
        ("store", query.StoreId),
        .. query.FromUs is { } from ? new[] { ("from", (object?)from) } : [],
        .. query.ToUs is { } to ? new[] { ("to", (object?)to) } : [],
        .. query.WindowUs is { } window ? new[] { ("window", (object?)window) } : [],
    ];

    private static void FillNames(DuckDBConnection connection, IReadOnlyList<EventFunnelStep> steps)
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < steps.Count; k++)
        {
            foreach (var name in steps[k].Names)
            {
                masks[name] = masks.GetValueOrDefault(name) | 1 << k;
            }
        }

        using var appender = connection.CreateAppender("funnel_names");
        foreach (var (name, mask) in masks)
        {
            appender.CreateRow().AppendValue(name).AppendValue(mask).EndRow();
        }
    }
}
