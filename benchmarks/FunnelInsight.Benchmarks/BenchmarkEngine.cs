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

    /// <summary>The engine's name, for the log.</summary>
    public static string Name => _clickHouse is null ? "DuckDB" : "ClickHouse";

    /// <summary>The event-engine options of the benchmark's <see cref="Core.Storage.FunnelDatabase"/>s.</summary>
    public static EventEngineOptions Options => new() { ClickHouse = _clickHouse };

    /// <summary>Chooses ClickHouse at <paramref name="server"/> (its HTTP address), emptying the benchmark's database there.</summary>
    public static async Task UseClickHouseAsync(string server)
    {
        var address = server.TrimEnd('/') + "/";
        using var http = new HttpClient();
        using var drop = new StringContent($"DROP DATABASE IF EXISTS {ClickHouseDatabase}");
        using var response = await http.PostAsync(address, drop);
        response.EnsureSuccessStatusCode();
        _clickHouse = address + "?database=" + ClickHouseDatabase;
    }

    /// <summary>Gives a FunnelInsight process the engine.</summary>
    public static void Apply(ProcessStartInfo start)
    {
        if (_clickHouse is not null)
        {
            start.Environment["Events__Engine"] = "clickhouse";
            start.Environment["ConnectionStrings__ClickHouse"] = _clickHouse;
        }
    }
}
