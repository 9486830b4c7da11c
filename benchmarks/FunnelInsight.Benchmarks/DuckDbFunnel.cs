using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using FunnelInsight.Core.Domain;

namespace FunnelInsight.Benchmarks;

/// <summary>The peer: DuckDB loading the same CSV into a table and running the same ordered funnel in SQL.</summary>
internal sealed class DuckDbFunnel : IDisposable
{
    private readonly DuckDBConnection _connection;

    /// <param name="databasePath">A DuckDB database file to load into; in memory when null (the design's peer).</param>
    public DuckDbFunnel(string? databasePath = null)
    {
        _connection = new DuckDBConnection("Data Source=" + (databasePath ?? ":memory:"));
        _connection.Open();
    }

    /// <summary>
    /// Loads a canonical event CSV into the table <c>events</c>; returns the elapsed time. The table keeps the file's
    /// row order (DuckDB preserves insertion order), so <c>rowid</c> is the line order the engine breaks time ties by.
    /// </summary>
    public TimeSpan Load(string csvPath)
    {
        var stopwatch = Stopwatch.StartNew();
        Execute($"CREATE TABLE events AS SELECT * FROM {ReadCsv(csvPath)}");
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// Appends a second event file of the same layout to <c>events</c> (its rows after the first file's, in file order);
    /// returns the elapsed time. The sessions table of <see cref="BuildSessions"/> is not brought up to date.
    /// </summary>
    public TimeSpan Append(string csvPath)
    {
        var stopwatch = Stopwatch.StartNew();
        Execute($"INSERT INTO events SELECT * FROM {ReadCsv(csvPath)}");
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// DuckDB's own session rollups, the fair peer of FunnelInsight's: one row per session with its device and channel
    /// (first non-empty values), whether it reached each stage in order (the same matching as
    /// <see cref="OrderedFunnelSql"/>) and which stages the table tracks. Returns the elapsed time.
    /// </summary>
    public TimeSpan BuildSessions()
    {
        var stopwatch = Stopwatch.StartNew();
        // Which stages the table tracks rides on every row (a constant column costs DuckDB next to nothing).
        Execute($"""
            CREATE OR REPLACE TABLE session_paths AS
            {PathsSql()}
            SELECT device, channel, path LIKE p1 AS r1, path LIKE p2 AS r2, path LIKE p3 AS r3, path LIKE p4 AS r4, t1, t2, t3, t4
            FROM paths CROSS JOIN patterns
            """);
        return stopwatch.Elapsed;
    }

    /// <summary>The same funnel as <see cref="OrderedFunnelByDevice"/>, counted over the sessions table of <see cref="BuildSessions"/>.</summary>
    public StageCounts SessionsFunnelByDevice(string channel) => Counts($"""
        SELECT coalesce(device, '{StageCounts.NotSet}') AS device,
               count(*) AS landing,
               CASE WHEN any_value(t1) THEN count(*) FILTER (WHERE r1) END AS product,
               CASE WHEN any_value(t2) THEN count(*) FILTER (WHERE r2) END AS cart,
               CASE WHEN any_value(t3) THEN count(*) FILTER (WHERE r3) END AS checkout,
               CASE WHEN any_value(t4) THEN count(*) FILTER (WHERE r4) END AS purchase
        FROM session_paths
        WHERE lower(channel) = lower({Quote(channel.Trim())})
        GROUP BY 1
        ORDER BY 1
        """);

    private static string ReadCsv(string csvPath) => $"""
        read_csv({Quote(csvPath)}, header = true, timestampformat = '%Y-%m-%dT%H:%M:%SZ',
            types = {"{"}'session_id': 'VARCHAR', 'user_id': 'VARCHAR', 'product_id': 'VARCHAR', 'order_id': 'VARCHAR'{"}"})
        """;

    /// <summary>
    /// <see cref="Load"/>, then a checkpoint that writes the table into the database file: DuckDB doing what a
    /// FunnelInsight import does (the data on disk and durable) rather than holding it in memory. Returns the elapsed time.
    /// </summary>
    public TimeSpan LoadDurably(string csvPath)
    {
        var stopwatch = Stopwatch.StartNew();
        Load(csvPath);
        Execute("CHECKPOINT");
        return stopwatch.Elapsed;
    }

    /// <summary>Rows in the loaded table.</summary>
    public long RowCount()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The ordered funnel of the sessions whose channel is <paramref name="channel"/>, by device: landing … purchase
    /// per device label (<see cref="StageCounts.NotSet"/> for sessions with no device).
    /// </summary>
    public StageCounts OrderedFunnelByDevice(string channel) => Counts(OrderedFunnelSql(channel));

    private StageCounts Counts(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, long?[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = [.. Enumerable.Range(1, 5).Select(i => reader.IsDBNull(i) ? (long?)null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture))];
        }

        return new StageCounts(rows);
    }

    /// <summary>
    /// The design's ordered funnel as SQL, with the engine's decisions: a session's events in order of (time, line);
    /// it lands on its first event; stage k is reached by the first stage-k event after the one that reached k−1, the
    /// first event counting for its own stage. A stage no event of the table maps to is not tracked: its count is NULL
    /// and the match passes over it. Greedy earliest matching reaches stage k exactly when the session's stage events
    /// hold the subsequence of the tracked stages product, cart, …, k, so each session's stage events, sorted, are
    /// written as a string of stage digits and matched with LIKE against the tracked digits up to k. Stage names come from the engine's default
    /// <see cref="StageMap"/> (trimmed, case-insensitive; the shipping, coupon and payment sub-steps are checkout events). A session's device and
    /// channel are its first non-empty values; the channel filter ignores case, as the engine's does.
    /// </summary>
    /// <remarks>
    /// Of the formulations tried (a join per stage over row_number positions, ordered string_agg, sorted lists), the
    /// sorted list was DuckDB's fastest on this data.
    /// </remarks>
    internal static string OrderedFunnelSql(string channel) => $"""
        {PathsSql()}
        SELECT coalesce(device, '{StageCounts.NotSet}') AS device,
               count(*) AS landing,
               CASE WHEN any_value(t1) THEN count(*) FILTER (WHERE path LIKE p1) END AS product,
               CASE WHEN any_value(t2) THEN count(*) FILTER (WHERE path LIKE p2) END AS cart,
               CASE WHEN any_value(t3) THEN count(*) FILTER (WHERE path LIKE p3) END AS checkout,
               CASE WHEN any_value(t4) THEN count(*) FILTER (WHERE path LIKE p4) END AS purchase
        FROM paths CROSS JOIN patterns
        WHERE lower(channel) = lower({Quote(channel.Trim())})
        GROUP BY 1
        ORDER BY 1
        """;

    // Each session's device, channel and stage path, and the tracked stages' patterns: what both funnels count from.
    private static string PathsSql() => $"""
        WITH staged AS (
            SELECT session_id, event_time, rowid AS line, nullif(trim(device), '') AS device, nullif(trim(channel), '') AS channel,
                   {StageCase()} AS stage
            FROM events
            WHERE session_id IS NOT NULL),
        tracked AS (
            SELECT bool_or(stage = '1') AS t1, bool_or(stage = '2') AS t2, bool_or(stage = '3') AS t3, bool_or(stage = '4') AS t4
            FROM staged),
        patterns AS (
            SELECT t1, t2, t3, t4,
                   '%1%' AS p1,
                   '%' || CASE WHEN t1 THEN '1%' ELSE '' END || '2%' AS p2,
                   '%' || CASE WHEN t1 THEN '1%' ELSE '' END || CASE WHEN t2 THEN '2%' ELSE '' END || '3%' AS p3,
                   '%' || CASE WHEN t1 THEN '1%' ELSE '' END || CASE WHEN t2 THEN '2%' ELSE '' END || CASE WHEN t3 THEN '3%' ELSE '' END || '4%' AS p4
            FROM tracked),
        sessions AS (
            SELECT arg_min(device, (event_time, line)) FILTER (WHERE device IS NOT NULL) AS device,
                   arg_min(channel, (event_time, line)) FILTER (WHERE channel IS NOT NULL) AS channel,
                   coalesce(list_sort(list((event_time, line, stage)) FILTER (WHERE stage IS NOT NULL)), []) AS stages
            FROM staged
            GROUP BY session_id),
        paths AS (
            SELECT device, channel, array_to_string(list_transform(stages, s -> s[3]), '') AS path
            FROM sessions)
        """;

    /// <summary>
    /// A user-defined ordered funnel of event names over the sessions, written by hand: each step's reaching event (its
    /// time and line) is the earliest of its name after the previous step's, one grouped join per step. Returns the
    /// sessions reaching each step.
    /// </summary>
    public long[] DefinedFunnel(IReadOnlyList<string> names)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = DefinedFunnelSql(names);
        using var reader = command.ExecuteReader();
        reader.Read();
        return [.. Enumerable.Range(0, names.Count).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture))];
    }

    internal static string DefinedFunnelSql(IReadOnlyList<string> names)
    {
        var sql = new StringBuilder($"""
            WITH e AS (
                SELECT session_id, (event_time, rowid) AS pos, lower(trim(event_type)) AS name
                FROM events
                WHERE session_id IS NOT NULL AND lower(trim(event_type)) IN ({string.Join(", ", names.Select(n => Quote(n.ToLowerInvariant())))})),
            s0 AS (SELECT session_id, min(pos) AS pos FROM e WHERE name = {Quote(names[0].ToLowerInvariant())} GROUP BY session_id)
            """);
        for (var k = 1; k < names.Count; k++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                ,
                s{k} AS (SELECT e.session_id, min(e.pos) AS pos FROM e JOIN s{k - 1} p ON p.session_id = e.session_id
                         WHERE e.name = {Quote(names[k].ToLowerInvariant())} AND e.pos > p.pos GROUP BY e.session_id)
                """);
        }

        sql.Append("\nSELECT ").Append(string.Join(", ", Enumerable.Range(0, names.Count).Select(k => $"(SELECT count(*) FROM s{k})")));
        return sql.ToString();
    }

    // Landing events need no digit: every session lands, and only stages after landing are matched in order.
    private static string StageCase()
    {
        var sql = new StringBuilder("CASE lower(trim(event_type))");
        foreach (var (name, meaning) in StageMap.Default.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (meaning.Stage is { } stage and not FunnelStage.Landing)
            {
                sql.Append(CultureInfo.InvariantCulture, $" WHEN {Quote(name.ToLowerInvariant())} THEN '{(int)stage}'");
            }
        }

        return sql.Append(" END").ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
