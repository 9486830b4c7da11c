using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// A user-defined funnel in one ClickHouse statement over the events table, giving exactly DuckDB's counts: each event
/// of a selected session gets the bit mask of the steps it can reach; a unit's events are sorted by (time, session
/// start, session, event id), which is exact, and the first of each session gets the landing steps. The open funnel ORs
/// the masks; the ordered one gives each (event, step) a position of its own and lets <c>windowFunnel</c> find the
/// deepest chain of steps in order, which is the depth the greedy earliest match reaches.
/// </summary>
/// <remarks>
/// ClickHouse 18.16 has no window functions and no common table expressions, so the statement nests subqueries and
/// sorts arrays. <c>windowFunnel</c> there takes a <c>UInt32</c> time and keeps the stored order of equal times, so
/// the position is <c>index × steps + offset(step)</c>: never equal for two entries. The offsets order a single event's
/// steps so that it reaches step k + 1 after step k only where DuckDB lets it (the landing event may also reach the step
/// after the landing); the window stays below 2^31, as 4294967295 overflows and counts nothing past the first step.
/// </remarks>
internal static class ClickHouseEventFunnel
{
    private const long Window = int.MaxValue;

    // A unit's events are gathered into one array by a GROUP BY, and the events are sorted: past these sizes ClickHouse
    // spills both to disk.
    private const string SpillSettings = "max_bytes_before_external_group_by=400000000&max_bytes_before_external_sort=400000000";

    /// <summary>
    /// Counts the funnel, in slices of its units of about <paramref name="sliceEvents"/> events each (a hash of the
    /// session's group, or of the visitor), the counts of the slices added up: one statement over 10,000,000 events of one
    /// database needed more than the 1.9 GB CI's server allows. On a cluster each shard counts its units and the server
    /// connected to adds the counts up (see <see cref="OnEachShard"/>), unless a visitor scope meets a visitor whose
    /// sessions are on two shards.
    /// </summary>
    public static IReadOnlyList<EventFunnelRow> Run(
        ClickHouseConnection connection, ClickHouseLayout layout, ClickHouseView view, EventFunnelQuery query, long sliceEvents, CancellationToken cancellationToken)
    {
        var onEachShard = layout.Sharded
            && (query.Scope != FunnelScope.Visitor || connection.Scalar($"SELECT count() FROM sessions WHERE {view.Sessions()} AND visitor_key <> shard_key") == 0);
        var slices = Slices(connection.Scalar($"SELECT count() FROM events WHERE {view.Events()}"), sliceEvents, onEachShard ? layout.Shards.Count : 1);
        var counts = new Dictionary<(int Mask, string? Group, long Slot), long>();
        var spilling = connection.WithSettings(SpillSettings);
        for (var slice = 0; slice < slices; slice++)
        {
            var sql = Sql(view, query, slices == 1 ? null : new FunnelSlice(slice, slices));
            foreach (var row in spilling.Rows(onEachShard ? OnEachShard(sql) : sql, r => new EventFunnelRow(r.Int32(0), r.NullableString(1), r.Int64(2), r.Int64(3)), cancellationToken))
            {
                var key = (row.Mask, row.Group, row.Slot);
                counts[key] = counts.GetValueOrDefault(key) + row.Units;
            }
        }

        return [.. counts.Select(c => new EventFunnelRow(c.Key.Mask, c.Key.Group, c.Key.Slot, c.Value))];
    }

    /// <summary>
    /// How many slices the funnel over <paramref name="events"/> events runs in, so that one statement reads about
    /// <paramref name="sliceEvents"/> events: where each of <paramref name="shards"/> shards counts its own units, one
    /// statement on a shard reads about a shard's share of the events (the shard key is a hash, so the shares are even).
    /// </summary>
    internal static int Slices(long events, long sliceEvents, int shards = 1)
    {
        var perStatement = (events + shards - 1) / shards;
        return (int)Math.Clamp((perStatement + sliceEvents - 1) / sliceEvents, 1, int.MaxValue);
    }

    /// <summary>
    /// The statement run by every shard over its own tables, the counts added up. ClickHouse 18.16 sends a shard only the
    /// level of a statement that reads a <c>Distributed</c> table; a join of <c>each_shard</c> (one row on every shard)
    /// with the whole statement sends all of it, and <c>distributed_product_mode=local</c> makes its tables the shard's.
    /// A unit's events and sessions are all on one shard: a session's by its group's shard key, a visitor's sessions
    /// by the visitor, which is the shard key unless a later import gave a session an earlier event of another visitor.
    /// </summary>
    internal static string OnEachShard(string sql) => $"""
        SELECT step_mask, grp, slot, sum(units) FROM each_shard
        ALL INNER JOIN (SELECT toUInt8(0) AS dummy, step_mask, grp, slot, units FROM ({sql})) USING dummy
        GROUP BY step_mask, grp, slot
        """;

    /// <summary>
    /// The statement, over the units of one slice (all of them when <paramref name="slice"/> is null). A unit's sessions
    /// and events are all in its slice: a session's by its group, a visitor's by the visitor.
    /// </summary>
    public static string Sql(ClickHouseView view, EventFunnelQuery query, FunnelSlice? slice = null)
    {
        var n = query.Steps.Count;
        var landing = 0;
        var landingThenOther = new bool[n];
        for (var k = 0; k < n; k++)
        {
            landing |= query.Steps[k].Landing ? 1 << k : 0;
            landingThenOther[k] = query.Steps[k].Landing && (k + 1 == n || !query.Steps[k + 1].Landing);
        }

        var group = query.Breakdown is { } dimension ? Column(dimension) : "CAST(NULL AS Nullable(String))";
        var where = new StringBuilder(view.Sessions());
        var unitHash = query.Scope == FunnelScope.Visitor ? "cityHash64(visitor_key)" : "cityHash64(has_session, group_key)";
        where.Append(slice is { } part ? $" AND {unitHash} % {part.Count} = {part.Index}" : "");
        where.Append(query.FromUs is { } from ? $" AND start_us >= {from}" : "").Append(query.ToUs is { } to ? $" AND start_us < {to}" : "");
        for (var d = 0; d < query.Filters.Count; d++)
        {
            if (query.Filters[d] is { } spellings)
            {
                where.Append(" AND ").Append(spellings.Count == 0 ? "0" : Column((FunnelDimension)d) + " IN (" + string.Join(", ", spellings.Select(ClickHouseConnection.Quote)) + ")");
            }
        }

        // A visitor's unit is its first selected session (by start, then id): its start is the window's origin and its
        // value the breakdown's. The value is wrapped in a tuple, as argMin passes over NULL arguments; the sessions are
        // read in a subquery, so that shards never send argMin's state of a tuple (18.16's server crashes on it).
        var units = query.Scope == FunnelScope.Visitor
            ? $"""
               SELECT sid, has_session, group_key, s_start, s_end, unit, entry_us, grp FROM
               (SELECT id AS sid, has_session, group_key, start_us AS s_start, end_us AS s_end, visitor_key FROM sessions WHERE {where})
               ALL INNER JOIN
               (SELECT visitor_key, argMin(id, (start_us, id)) AS unit, min(start_us) AS entry_us, argMin(tuple(g), (start_us, id)).1 AS grp
                FROM (SELECT visitor_key, id, start_us, {group} AS g FROM sessions WHERE {where}) GROUP BY visitor_key)
               USING visitor_key
               """
            : $"SELECT id AS sid, has_session, group_key, start_us AS s_start, end_us AS s_end, id AS unit, start_us AS entry_us, {group} AS grp FROM sessions WHERE {where}";
        var all = (1 << n) - 1;
        var window = query.WindowUs is { } w ? $" AND time_us <= entry_us + {w}" : "";
        // A session's events share its group; a visitor's are found by the join alone.
        var eventSlice = slice is { } own && query.Scope != FunnelScope.Visitor ? $" AND cityHash64(has_session, group_key) % {own.Count} = {own.Index}" : "";
        // Without a landing step only events of the steps' names can reach one, so the others are left out in the read.
        var names = landing == 0 ? " AND " + NamesOnly(query.Steps) : "";
        var events = $"""
            SELECT unit, grp, entry_us, time_us, s_start, sid, id AS eid,
                   toUInt32(bitAnd({NameMask(query.Steps)}, bitXor({all}, {Narrowed(query.Steps)}))) AS m
            FROM (SELECT has_session, group_key, time_us, id, event_name, product_id, device, channel, country FROM events
                  WHERE {view.Events()}{(query.FromUs is { } f ? $" AND time_us >= {f}" : "")}{eventSlice}{names})
            ALL INNER JOIN ({units}) USING (has_session, group_key)
            WHERE time_us >= s_start AND time_us <= s_end{window}
            """;
        var perUnit = $"""
            SELECT unit, grp, entry_us, arraySort(groupArray((time_us, s_start, sid, eid, m))) AS evs,
                   arrayMap((x, first) -> bitOr(x.5, if(first = 1, {landing}, 0)), evs, arrayEnumerateUniq(arrayMap(x -> x.3, evs))) AS masks
            FROM ({events}) GROUP BY unit, grp, entry_us
            """;
        var slot = query.BySlot ? $"intDiv(entry_us, {EventFunnelQuery.SlotUs.ToString(CultureInfo.InvariantCulture)})" : "0";
        if (query.Mode == FunnelMode.Open)
        {
            return $"""
                SELECT toInt32(mask) AS step_mask, grp, {slot} AS slot, count() AS units FROM (
                    SELECT grp, entry_us, arrayReduce('groupBitOr', masks) AS mask FROM ({perUnit}))
                WHERE mask <> 0 GROUP BY mask, grp, slot
                """;
        }

        var offsets = Offsets(landingThenOther);
        var conditions = string.Join(", ", Enumerable.Range(0, n).Select(k => $"step = {k}"));
        var steps = string.Join(",", Enumerable.Range(0, n));
        return $"""
            SELECT toInt32(bitShiftLeft(1, depth) - 1) AS step_mask, grp, {slot} AS slot, count() AS units FROM (
                SELECT unit, grp, entry_us, windowFunnel({Window})(ts, {conditions}) AS depth FROM (
                    SELECT unit, grp, entry_us, pair.1 AS idx, pair.2 AS bits,
                           arrayJoin(arrayFilter(k -> bitAnd(bits, bitShiftLeft(toUInt32(1), k)) != 0, range({n}))) AS step,
                           toUInt32(idx * {n} + transform(step, [{steps}], [{string.Join(",", offsets)}], 0)) AS ts
                    FROM ({perUnit}) ARRAY JOIN arrayMap((b, i) -> (i, b), masks, arrayEnumerate(masks)) AS pair)
                GROUP BY unit, grp, entry_us)
            WHERE depth > 0 GROUP BY step_mask, grp, slot
            """;
    }

    /// <summary>
    /// Offsets 0..n−1 of one event's steps: step k + 1's above step k's exactly where the same event may reach both
    /// (<paramref name="sameEventNext"/>[k]), as in an up-down permutation.
    /// </summary>
    internal static int[] Offsets(bool[] sameEventNext)
    {
        var n = sameEventNext.Length;
        var offsets = new int[n];
        var (low, high) = (0, n - 1);
        for (var k = 0; k < n - 1; k++)
        {
            offsets[k] = sameEventNext[k] ? low++ : high--;
        }

        offsets[n - 1] = low;
        return offsets;
    }

    // The steps each event name reaches, as one number.
    private static string NameMask(IReadOnlyList<EventFunnelStep> steps)
    {
        var masks = EventFunnelMasks.ByName(steps);
        return masks.Count == 0
            ? "toUInt32(0)"
            : $"transform(ifNull(event_name, ''), [{string.Join(", ", masks.Keys.Select(ClickHouseConnection.Quote))}], [{string.Join(", ", masks.Values.Select(v => $"toUInt32({v})"))}], toUInt32(0))";
    }

    // The events of the steps' names.
    private static string NamesOnly(IReadOnlyList<EventFunnelStep> steps) =>
        EventFunnelMasks.NameList(steps, ClickHouseConnection.Quote) is { } names ? $"event_name IN ({names})" : "0";

    // The bits of the narrowed steps whose conditions the event fails.
    private static string Narrowed(IReadOnlyList<EventFunnelStep> steps)
    {
        var parts = EventFunnelMasks.Narrowed(steps, Condition)
            .Select(step => $"if(ifNull({step.Conditions}, 0), 0, {step.Bit})").ToList();
        return parts.Count == 0 ? "0" : "bitOr(" + string.Join(", bitOr(", parts) + ", 0" + new string(')', parts.Count);
    }

    private static string Condition(StepNarrowing narrowing) => narrowing.Field == StepField.Product
        ? $"product_id = {ClickHouseConnection.Quote(narrowing.Value)}"
        : $"lowerUTF8({narrowing.Field.ToString().ToLowerInvariant()}) = lowerUTF8({ClickHouseConnection.Quote(narrowing.Value)})";

    private static string Column(FunnelDimension dimension) => dimension.ToString().ToLowerInvariant();
}

/// <summary>One slice of a funnel's units: those whose hash modulo <paramref name="Count"/> is <paramref name="Index"/>.</summary>
/// <param name="Index">The slice, from 0.</param>
/// <param name="Count">How many slices there are.</param>
internal readonly record struct FunnelSlice(int Index, int Count);
