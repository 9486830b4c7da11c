using System.Globalization;

namespace FunnelInsight.Benchmarks;

/// <summary>
/// The benchmark's command line:
/// <c>[--events N] [--quick] [--out DIR] [--work DIR] [--seed S] [--runs R] [--channel C] [--clean] [--unterminated-quote] [--engine duckdb|clickhouse --clickhouse URL [--shards CLUSTER]] [--threads T]</c>.
/// </summary>
/// <param name="Events">Events in the generated file (default 10,000,000; 100,000 with <c>--quick</c>).</param>
/// <param name="OutFolder">Where <c>benchmark-results.json</c> goes.</param>
/// <param name="WorkFolder">Where the generated CSV (kept and reused) and the SQLite file (removed) go.</param>
/// <param name="Seed">The generator's seed.</param>
/// <param name="Runs">Timed query runs per engine, after one warm-up.</param>
/// <param name="Channel">The channel the funnel is filtered by.</param>
/// <param name="Clean">Also delete the generated CSV at the end.</param>
/// <param name="ClickHouse">With <c>--engine clickhouse</c>, the ClickHouse server's HTTP address (<c>--clickhouse</c>) FunnelInsight stores events in.</param>
/// <param name="UnterminatedQuote">Instead of the engine comparison, import the file at a tenth and at full size with one unterminated quote near the top (<see cref="QuoteRecoveryRun"/>).</param>
/// <param name="Shards">With ClickHouse, the cluster whose shards hold the events (<c>--shards</c>); null for one database.</param>
/// <param name="Threads">DuckDB's <c>threads</c> for FunnelInsight's engine (<c>--threads</c>, <c>Events:Threads</c>); null for its default.</param>
internal sealed record BenchmarkOptions(long Events, string OutFolder, string WorkFolder, long Seed, int Runs, string Channel, bool Clean, bool UnterminatedQuote = false, string? ClickHouse = null, string? Shards = null, int? Threads = null)
{
    public const string Usage =
        "usage: dotnet run -c Release --project benchmarks/FunnelInsight.Benchmarks -- [--events N] [--quick] [--out DIR] [--work DIR] [--seed S] [--runs R] [--channel C] [--clean] [--unterminated-quote] [--engine duckdb|clickhouse --clickhouse URL [--shards CLUSTER]] [--threads T]";

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(10_000_000, Directory.GetCurrentDirectory(),
            Path.Combine(Path.GetTempPath(), "funnelinsight-bench"), 1, 5, "paid_search", false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--events" => options with { Events = Number(Value(), "--events") },
                "--quick" => options with { Events = 100_000 },
                "--out" => options with { OutFolder = Path.GetFullPath(Value()) },
                "--work" => options with { WorkFolder = Path.GetFullPath(Value()) },
                "--seed" => options with { Seed = Number(Value(), "--seed") },
                "--runs" => options with { Runs = (int)Number(Value(), "--runs") },
                "--channel" => options with { Channel = Value() },
                "--clean" => options with { Clean = true },
                "--unterminated-quote" => options with { UnterminatedQuote = true },
                "--engine" => Value().ToLowerInvariant() switch
                {
                    "duckdb" => options with { ClickHouse = null },
                    "clickhouse" => options with { ClickHouse = options.ClickHouse ?? "" },
                    var other => throw new ArgumentException($"--engine is duckdb or clickhouse, not '{other}'."),
                },
                "--clickhouse" => options with { ClickHouse = Value() },
                "--shards" => options with { Shards = Value() },
                "--threads" => options with { Threads = (int)Number(Value(), "--threads") },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options.ClickHouse is "" ? throw new ArgumentException("--engine clickhouse needs --clickhouse http://HOST:PORT/.")
            : options is { ClickHouse: null, Shards: not null } ? throw new ArgumentException("--shards needs --engine clickhouse --clickhouse http://HOST:PORT/.")
            : options;
    }

    private static long Number(string text, string name) =>
        long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'.");
}
