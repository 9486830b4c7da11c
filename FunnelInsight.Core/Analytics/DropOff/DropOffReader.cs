using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.DropOff;

/// <summary>Counts the last events of the sessions lost before a stage, straight from the session rollups.</summary>
internal static class DropOffReader
{
    public static async Task<DropOffReport> ReadAsync(SqliteConnection connection, SessionTable table, FunnelQuery query, FunnelStage stage, CancellationToken cancellationToken)
    {
        if (stage == FunnelStage.Landing)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), "Every session lands: drop-off starts at product.");
        }

        await using var command = connection.CreateCommand();
        var sql = new List<string> { "Id BETWEEN $first AND $last", "StartUs >= $from", "StartUs < $to" };
        command.Parameters.AddWithValue("$first", StoreRowIds.First(query.StoreId));
        command.Parameters.AddWithValue("$last", StoreRowIds.Last(query.StoreId));
        command.Parameters.AddWithValue("$from", query.From is { } from ? SessionSelection.DayStartUs(from) : long.MinValue);
        command.Parameters.AddWithValue("$to", query.To is { } to ? SessionSelection.DayStartUs(to.AddDays(1)) : long.MaxValue);
        int before = (int)stage - 1, at = (int)stage;
        sql.Add(query.Mode == FunnelMode.Ordered
            ? $"OrderedDepth = {before}"
            : $"(OpenMask & {1 << before}) <> 0 AND (OpenMask & {1 << at}) = 0");
        foreach (var dimension in Enum.GetValues<FunnelDimension>())
        {
            if (query.Filter(dimension) is { } filter && !AddFilter(command, sql, table, dimension, filter))
            {
                return new DropOffReport(query, stage, 0, []);
            }
        }

        command.CommandText = $"SELECT LastEventName, COUNT(*) FROM Sessions WHERE {string.Join(" AND ", sql)} GROUP BY LastEventName";
        var counts = new List<(string Name, long Sessions)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        var lost = counts.Sum(c => c.Sessions);
        var exits = counts.OrderByDescending(c => c.Sessions).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ExitEvent(c.Name, c.Sessions, new Proportion(c.Sessions, lost)))
            .ToList();
        return new DropOffReport(query, stage, lost, exits);
    }

    // The stored values that match the filter the way the funnel matches them (trimmed, case-insensitive), as an IN list.
    private static bool AddFilter(SqliteCommand command, List<string> sql, SessionTable table, FunnelDimension dimension, string filter)
    {
        var column = table.Dimensions[(int)dimension];
        var matching = column.Matching(filter)!;
        var names = new List<string>();
        for (var code = 1; code < matching.Length; code++)
        {
            if (matching[code])
            {
                var name = $"${dimension}{code}";
                command.Parameters.AddWithValue(name, column.Values[code]);
                names.Add(name);
            }
        }

        sql.Add($"{dimension} IN ({string.Join(", ", names)})");
        return names.Count > 0;
    }
}
