using System.Diagnostics;
using System.Net.Http;
using FunnelInsight.Core.Events;

namespace FunnelInsight.Benchmarks;

/// <summary>
/// The event engine FunnelInsight runs on in the benchmark: DuckDB (the default), or ClickHouse with
/// <c>--engine clickhouse --clickhouse http://HOST:PORT/</c>, in a database of the benchmark's own that is emptied
/// first. The import and dashboard processes get it through their environment, the benchmark's own reads through
/// <see cref="Options"/>; DuckDB's hand-written SQL stays the peer either way.
/// </summary>
internal static class BenchmarkEngine
{
    /// <summary>The database the benchmark uses on a ClickHouse server.</summary>
    public const string ClickHouseDatabase = "funnelinsight_bench";

    private static string? _clickHouse;
    private static string? _shards;
    private static int _shardCount;
    private static int? _threads;

    /// <summary>The engine's name, for the log.</summary>
    public static string Name => _clickHouse is null ? "DuckDB" : _shards is null ? "ClickHouse" : $"ClickHouse ({_shardCount} shards of {_shards})";

    /// <summary>The event-engine options of the benchmark's <see cref="Core.Storage.FunnelDatabase"/>s.</summary>
    public static EventEngineOptions Options => new EventEngineOptions { ClickHouse = _clickHouse, ClickHouseShards = _shards } is var options && _threads is { } threads
        ? options with { Threads = threads }
        : options;

    /// <summary>Gives DuckDB <paramref name="threads"/> threads in the benchmark's reads and in every FunnelInsight process it starts.</summary>
    public static void UseThreads(int threads) => _threads = threads;

    /// <summary>
    /// Chooses ClickHouse at <paramref name="server"/> (its HTTP address), the events sharded over cluster
    /// <paramref name="shards"/> when given, emptying the benchmark's database there and on every shard (each shard's
    /// <c>default_database</c>, or the benchmark's, at the host the cluster names and the port of <paramref name="server"/>).
    /// </summary>
    public static async Task UseClickHouseAsync(string server, string? shards = null)
    {
        var address = server.TrimEnd('/') + "/";
        using var http = new HttpClient();
        await PostAsync(http, address, $"DROP DATABASE IF EXISTS {ClickHouseDatabase}");
        if (shards is not null)
        {
            var rows = (await PostAsync(http, address, $"SELECT host_name, default_database FROM system.clusters WHERE cluster = '{shards.Replace("'", "", StringComparison.Ordinal)}' FORMAT TabSeparated"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (rows.Length == 0)
            {
                throw new ArgumentException($"The ClickHouse server at {address} has no cluster '{shards}' (--shards).");
            }

            foreach (var row in rows.Select(r => r.Split('\t')))
            {
                var shard = new UriBuilder(address) { Host = row[0] }.Uri.ToString();
                await PostAsync(http, shard, $"DROP DATABASE IF EXISTS {(row[1].Length > 0 ? row[1] : ClickHouseDatabase)}");
            }

            _shardCount = rows.Length;
        }

        _clickHouse = address + "?database=" + ClickHouseDatabase;
        _shards = shards;
    }

    /// <summary>Gives a FunnelInsight process the engine.</summary>
    public static void Apply(ProcessStartInfo start)
    {
        if (_threads is { } threads)
        {
            start.Environment["Events__Threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (_clickHouse is not null)
        {
            start.Environment["Events__Engine"] = "clickhouse";
            start.Environment["ConnectionStrings__ClickHouse"] = _clickHouse;
            if (_shards is not null)
            {
                start.Environment["Events__Shards"] = _shards;
            }
        }
    }

    private static async Task<string> PostAsync(HttpClient http, string address, string sql)
    {
        using var content = new StringContent(sql);
        using var response = await http.PostAsync(address, content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
