using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// A user-defined funnel in one SQL statement over the events table: each event of a selected session gets the bit
/// mask of the steps it can reach (the names from a temporary table, the narrowings and the landing as conditions),
/// each unit's masks are folded in (time, line) order by the greedy rule, and the units are counted by what they reached.
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

        // Ordered: a unit at d steps goes to d + 1 on an event of step d; the event that lands may reach the next step too.
        var fold = query.Mode == FunnelMode.Open
            ? "bit_or(m)"
            : $"""
               (1 << list_reduce(list(m ORDER BY time_us, start_us, sid, eid),
                   lambda d, x: CASE WHEN ((x >> d) & 1) = 1
                       THEN d + 1 + CASE WHEN (({landingThenOther} >> d) & 1) = 1 AND ((x >> (d + 1)) & 1) = 1 THEN 1 ELSE 0 END
                       ELSE d END, 0)) - 1
               """;
        var slot = query.BySlot ? $"entry_us // {EventFunnelQuery.SlotUs.ToString(CultureInfo.InvariantCulture)}" : "0";
        return $"""
            WITH s AS ({units}),
            matched AS (
                SELECT s.unit, s.entry_us, s.grp, s.start_us, s.id AS sid, e.id AS eid, e.time_us,
                       (coalesce(n.mask, 0) & ~({narrowed})) | {firstEvent} AS m
                FROM events e
                JOIN s ON e.has_session = s.has_session AND e.group_key = s.group_key AND e.time_us BETWEEN s.start_us AND s.end_us
                LEFT JOIN funnel_names n ON n.event_name = e.event_name
                WHERE e.store_id = $store{(query.FromUs is null ? "" : " AND e.time_us >= $from")}{window}),
            reached AS (
                SELECT unit, any_value(entry_us) AS entry_us, any_value(grp) AS grp, {fold} AS mask
                FROM matched WHERE m <> 0 GROUP BY unit)
            SELECT mask::INTEGER, grp, {slot} AS slot, count(*) AS units
            FROM reached WHERE mask <> 0 GROUP BY ALL
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
