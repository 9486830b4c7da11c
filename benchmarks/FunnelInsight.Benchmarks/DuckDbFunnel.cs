using System.Diagnostics;
using DuckDB.NET.Data;

namespace FunnelInsight.Benchmarks;

/// <summary>The peer: DuckDB loading the same CSV and running the same ordered funnel in SQL.</summary>
internal sealed class DuckDbFunnel(string csvPath) : IDisposable
{
    private readonly DuckDBConnection _connection = Open();

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>Loads the CSV into a table (with each row's position in the file); returns the elapsed time.</summary>
    public TimeSpan Load()
    {
        var stopwatch = Stopwatch.StartNew();
        Execute($"""
            CREATE TABLE events AS
            SELECT *, row_number() OVER () AS line
            FROM read_csv('{csvPath.Replace("'", "''", StringComparison.Ordinal)}', header = true, timestampformat = '%Y-%m-%dT%H:%M:%SZ',
                types = {"{"}'session_id': 'VARCHAR', 'user_id': 'VARCHAR', 'product_id': 'VARCHAR', 'order_id': 'VARCHAR'{"}"});
            """);
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// The design's ordered funnel per session: landing at the first event; stage k at the first event of
    /// stage k after the event that reached k−1 (product may be the first event itself). Filtered by
    /// channel, broken down by the session's first device. Returns counts per device and stage.
    /// </summary>
    public IReadOnlyDictionary<string, long[]> OrderedFunnelByDevice(string channel)
    {
        var sql = $"""
            WITH ev AS (
                SELECT session_id,
                       row_number() OVER (PARTITION BY session_id ORDER BY event_time, line) AS pos,
                       CASE lower(event_type)
                           WHEN 'view_item' THEN 1 WHEN 'product_view' THEN 1 WHEN 'view' THEN 1
                           WHEN 'add_to_cart' THEN 2 WHEN 'cart' THEN 2 WHEN 'view_cart' THEN 2 WHEN 'addtocart' THEN 2
                           WHEN 'begin_checkout' THEN 3 WHEN 'checkout' THEN 3
                           WHEN 'purchase' THEN 4 WHEN 'order_completed' THEN 4 WHEN 'transaction' THEN 4
                           ELSE 0 END AS stage,
                       device, channel
                FROM events),
            sessions AS (
                SELECT session_id, arg_min(device, pos) FILTER (WHERE device IS NOT NULL) AS device,
                       arg_min(channel, pos) FILTER (WHERE channel IS NOT NULL) AS channel
                FROM ev GROUP BY session_id),
            p1 AS (SELECT session_id, min(pos) AS p FROM ev WHERE stage = 1 GROUP BY session_id),
            p2 AS (SELECT e.session_id, min(e.pos) AS p FROM ev e JOIN p1 USING (session_id) WHERE e.stage = 2 AND e.pos > p1.p GROUP BY e.session_id),
            p3 AS (SELECT e.session_id, min(e.pos) AS p FROM ev e JOIN p2 USING (session_id) WHERE e.stage = 3 AND e.pos > p2.p GROUP BY e.session_id),
            p4 AS (SELECT e.session_id, min(e.pos) AS p FROM ev e JOIN p3 USING (session_id) WHERE e.stage = 4 AND e.pos > p3.p GROUP BY e.session_id)
            SELECT coalesce(s.device, '') AS device, count(*) AS landing, count(p1.p), count(p2.p), count(p3.p), count(p4.p)
            FROM sessions s
            LEFT JOIN p1 USING (session_id) LEFT JOIN p2 USING (session_id)
            LEFT JOIN p3 USING (session_id) LEFT JOIN p4 USING (session_id)
            WHERE s.channel = '{channel.Replace("'", "''", StringComparison.Ordinal)}'
            GROUP BY 1 ORDER BY 1
            """;
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = [.. Enumerable.Range(1, 5).Select(i => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
        }

        return result;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
