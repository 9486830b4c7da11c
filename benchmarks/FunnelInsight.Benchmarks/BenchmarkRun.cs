using System.Diagnostics;
using System.Runtime.InteropServices;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Benchmarks;

/// <summary>
/// One benchmark: DuckDB loads the file and runs the funnel; FunnelInsight imports the same file through its command
/// line and runs the funnel through its analytics engine; both give exactly the same counts or the run fails.
/// </summary>
internal static class BenchmarkRun
{
    /// <exception cref="EnginesDisagreeException">The engines' stage counts differ, or they did not read the same rows.</exception>
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        log.WriteLine($"Event file: {options.Events:N0} events, seed {options.Seed}, in {options.WorkFolder}");
        var csv = EventFile.Ensure(options.WorkFolder, options.Events, options.Seed);
        var fileMegabytes = new FileInfo(csv).Length / 1e6;

        log.WriteLine("DuckDB: loading the CSV into a table…");
        TimeSpan duckLoad, duckLoadCpu;
        long duckRows;
        StageCounts duckCounts;
        var duckTimes = new List<double>();
        long[] duckDefined;
        var duckDefinedTimes = new List<double>();
        using (var duck = new DuckDbFunnel())
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            duckLoad = duck.Load(csv);
            duckLoadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            duckRows = duck.RowCount();
            log.WriteLine($"DuckDB: {duckRows:N0} rows in {duckLoad.TotalSeconds:F2} s ({duckLoadCpu.TotalSeconds:F1} s CPU); funnel query, 1 warm-up + {options.Runs} runs…");
            duckCounts = duck.OrderedFunnelByDevice(options.Channel);
            for (var run = 0; run < options.Runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var counts = duck.OrderedFunnelByDevice(options.Channel);
                duckTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
                RequireAgreement("DuckDB run 1", duckCounts, $"DuckDB run {run + 2}", counts);
            }

            duckDefined = duck.DefinedFunnel(DefinedSteps);
            for (var run = 0; run < options.Runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                duck.DefinedFunnel(DefinedSteps);
                duckDefinedTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        var duckFile = Path.Combine(options.WorkFolder, $"duckdb-{options.Events}.duckdb");
        DeleteDatabase(duckFile);
        log.WriteLine("DuckDB: loading the CSV into a database file and checkpointing it…");
        TimeSpan duckFileLoad;
        using (var durable = new DuckDbFunnel(duckFile))
        {
            duckFileLoad = durable.LoadDurably(csv);
        }

        DeleteDatabase(duckFile);
        log.WriteLine($"DuckDB: loaded into a file in {duckFileLoad.TotalSeconds:F2} s");

        var databasePath = Path.Combine(options.WorkFolder, $"funnelinsight-{options.Events}.db");
        DeleteDatabase(databasePath);
        log.WriteLine("FunnelInsight: importing the same file (command-line import, fresh SQLite file)…");
        var import = await ImportProcess.RunAsync(csv, databasePath, log);
        log.WriteLine($"FunnelInsight: {import.RowsStored:N0} stored in {import.Elapsed.TotalSeconds:F2} s ({import.CpuTime.TotalSeconds:F1} s CPU), peak {import.PeakMemoryBytes / 1e6:F0} MB");
        if (import.RowsStored != duckRows || import.RowsRejected != 0 || import.RowsDuplicate != 0)
        {
            throw new EnginesDisagreeException(
                $"The engines hold different rows: DuckDB {duckRows:N0}, FunnelInsight stored {import.RowsStored:N0} (rejected {import.RowsRejected:N0}, duplicate {import.RowsDuplicate:N0}).");
        }

        var (first, firstCounts, warmTimes) = await QueryFunnelInsightAsync(databasePath, options, duckCounts);
        var defined = await DefinedFunnelAsync(databasePath, options, duckDefined, duckDefinedTimes);
        DeleteDatabase(databasePath);
        if (options.Clean)
        {
            File.Delete(csv);
        }

        log.WriteLine("Stage counts (landing product cart checkout purchase), identical in both engines:");
        log.WriteLine(firstCounts.ToText());
        return new BenchmarkReport(
            options.Events, fileMegabytes, Machine(), options.Channel, options.Runs,
            duckLoad.TotalSeconds, import.Elapsed.TotalSeconds, duckLoadCpu.TotalSeconds, duckFileLoad.TotalSeconds, import.CpuTime.TotalSeconds, Median.Of(duckTimes), first.TotalMilliseconds, Median.Of(warmTimes),
            import.PeakMemoryBytes / 1e6, firstCounts.Rows) { DefinedFunnel = defined };
    }

    /// <summary>The user-defined funnel both sides count: four event names of the generated sessions.</summary>
    public static IReadOnlyList<string> DefinedSteps { get; } = ["view_item_list", "view_item", "add_to_cart", "purchase"];

    private static async Task<DefinedFunnelFigures> DefinedFunnelAsync(string databasePath, BenchmarkOptions options, long[] duckCounts, List<double> duckTimes)
    {
        var database = new FunnelDatabase($"Data Source={databasePath}");
        var store = await new StoreCatalog(database).FindAsync(ImportProcess.StoreName)
            ?? throw new InvalidOperationException("The import created no store.");
        var engine = new EngineFunnel(database, store.Id);
        var (counts, _) = await engine.DefinedFunnelAsync(DefinedSteps);
        if (!counts.SequenceEqual(duckCounts))
        {
            throw new EnginesDisagreeException($"The user-defined funnel differs: DuckDB {string.Join(' ', duckCounts)}, FunnelInsight {string.Join(' ', counts)}.");
        }

        var times = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            var (again, elapsed) = await engine.DefinedFunnelAsync(DefinedSteps);
            times.Add(elapsed.TotalMilliseconds);
            if (!again.SequenceEqual(counts))
            {
                throw new EnginesDisagreeException($"FunnelInsight's user-defined funnel changed between runs: {string.Join(' ', counts)}, then {string.Join(' ', again)}.");
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new DefinedFunnelFigures(string.Join(',', DefinedSteps), counts, Median.Of(duckTimes), Median.Of(times));
    }

    // The first query loads the store's rollups (as the dashboard's first chart after an import does); later ones reuse them.
    private static async Task<(TimeSpan First, StageCounts Counts, List<double> Warm)> QueryFunnelInsightAsync(
        string databasePath, BenchmarkOptions options, StageCounts duckCounts)
    {
        var database = new FunnelDatabase($"Data Source={databasePath}");
        var store = await new StoreCatalog(database).FindAsync(ImportProcess.StoreName)
            ?? throw new InvalidOperationException("The import created no store.");
        var engine = new EngineFunnel(database, store.Id);
        var (counts, first) = await engine.OrderedFunnelByDeviceAsync(options.Channel);
        RequireAgreement("DuckDB", duckCounts, "FunnelInsight", counts);
        var warm = new List<double>();
        for (var run = 0; run < options.Runs + 1; run++)
        {
            var (again, elapsed) = await engine.OrderedFunnelByDeviceAsync(options.Channel);
            RequireAgreement("FunnelInsight first query", counts, $"FunnelInsight run {run + 2}", again);
            if (run > 0)
            {
                warm.Add(elapsed.TotalMilliseconds);
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (first, counts, warm);
    }

    private static void RequireAgreement(string leftName, StageCounts left, string rightName, StageCounts right)
    {
        var differences = StageCounts.Differences(left, right);
        if (differences.Count > 0)
        {
            throw new EnginesDisagreeException(
                $"{leftName} and {rightName} disagree on {differences.Count} stage count(s) (first column {leftName}):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", differences.Select(d => d.Replace("duckdb", leftName, StringComparison.Ordinal).Replace("funnelinsight", rightName, StringComparison.Ordinal))));
        }
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".wal" })
        {
            File.Delete(path + suffix);
        }

        // The DuckDB engine's events file beside the SQLite one (see FunnelDatabase.EventsPath).
        var events = Path.ChangeExtension(path, null) + ".events.duckdb";
        foreach (var suffix in new[] { "", ".wal" })
        {
            File.Delete(events + suffix);
        }
    }

    private static string Machine()
    {
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30);
        return $"{Environment.ProcessorCount} cores, {memoryGiB:F0} GiB, {os ?? RuntimeInformation.OSDescription}";
    }
}
