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
        var moreEvents = Math.Min(100_000, options.Events / 10);
        var moreCsv = EventFile.EnsureMore(options.WorkFolder, moreEvents, options.Seed);
        var fileMegabytes = new FileInfo(csv).Length / 1e6;

        log.WriteLine("DuckDB: loading the CSV into a table…");
        var duck = DuckDbSide(csv, moreCsv, options, log);

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
        try
        {
            log.WriteLine($"FunnelInsight ({BenchmarkEngine.Name}): importing the same file (command-line import, fresh SQLite file)…");
            var import = await ImportProcess.RunAsync(csv, databasePath, log);
            log.WriteLine($"FunnelInsight: {import.RowsStored:N0} stored in {import.Elapsed.TotalSeconds:F2} s ({import.CpuTime.TotalSeconds:F1} s CPU), peak {import.PeakMemoryBytes / 1e6:F0} MB");
            RequireRows("the import", duck.Rows, import);

            var (first, firstCounts, warmTimes) = await QueryFunnelInsightAsync(databasePath, options, duck.Counts);
            var defined = await DefinedFunnelAsync(databasePath, options, duck.Defined, duck.DefinedTimes);

            log.WriteLine($"FunnelInsight: importing {moreEvents:N0} more events into the store…");
            var more = await ImportProcess.RunAsync(moreCsv, databasePath, log);
            log.WriteLine($"FunnelInsight: {more.RowsStored:N0} more stored in {more.Elapsed.TotalSeconds:F2} s ({more.CpuTime.TotalSeconds:F1} s CPU), peak {more.PeakMemoryBytes / 1e6:F0} MB");
            RequireRows("the second import", duck.MoreRows, more);
            var afterFirst = await CountsAfterAsync(databasePath, options, duck);

            log.WriteLine("FunnelInsight: the dashboard serving the store, asked through its API…");
            var dashboard = await DashboardAsync(databasePath, options, duck);

            log.WriteLine("Stage counts (landing product cart checkout purchase), identical in both engines:");
            log.WriteLine(firstCounts.ToText());
            return new BenchmarkReport(
                options.Events, fileMegabytes, Machine(), options.Channel, options.Runs,
                duck.Load.TotalSeconds, import.Elapsed.TotalSeconds, duck.LoadCpu.TotalSeconds, duckFileLoad.TotalSeconds, import.CpuTime.TotalSeconds,
                Median.Of(duck.SessionsTimes), first.TotalMilliseconds, Median.Of(warmTimes),
                import.PeakMemoryBytes / 1e6, firstCounts.Rows)
            {
                EventEngine = BenchmarkEngine.Name,
                DefinedFunnel = defined,
                DuckDbRawQueryMs = Median.Of(duck.RawTimes),
                DuckDbSessionsBuildSeconds = duck.SessionsBuild.TotalSeconds,
                More = new MoreImportFigures(moreEvents, more.Elapsed.TotalSeconds, more.CpuTime.TotalSeconds, more.PeakMemoryBytes / 1e6,
                    duck.Append.TotalSeconds, afterFirst.TotalMilliseconds),
                Dashboard = dashboard,
            };
        }
        finally
        {
            DeleteDatabase(databasePath);
            if (options.Clean)
            {
                File.Delete(csv);
                File.Delete(moreCsv);
            }
        }
    }

    // DuckDB's side, in memory: the load, its own sessions table, the funnel over raw events and over that table, the
    // user-defined funnel; then the second file appended and the counts both funnels must have after it.
    private static DuckDbFigures DuckDbSide(string csv, string moreCsv, BenchmarkOptions options, TextWriter log)
    {
        using var duck = new DuckDbFunnel();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var load = duck.Load(csv);
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var rows = duck.RowCount();
        log.WriteLine($"DuckDB: {rows:N0} rows in {load.TotalSeconds:F2} s ({loadCpu.TotalSeconds:F1} s CPU); funnel over raw events, 1 warm-up + {options.Runs} runs…");
        var counts = duck.OrderedFunnelByDevice(options.Channel);
        var rawTimes = Timed(options.Runs, () => RequireAgreement("DuckDB run 1", counts, "DuckDB again", duck.OrderedFunnelByDevice(options.Channel)));

        var sessionsBuild = duck.BuildSessions();
        log.WriteLine($"DuckDB: its own sessions table built in {sessionsBuild.TotalSeconds:F2} s; funnel over it, 1 warm-up + {options.Runs} runs…");
        RequireAgreement("DuckDB over raw events", counts, "DuckDB over its sessions table", duck.SessionsFunnelByDevice(options.Channel));
        var sessionsTimes = Timed(options.Runs, () => RequireAgreement("DuckDB over raw events", counts, "DuckDB over its sessions table", duck.SessionsFunnelByDevice(options.Channel)));

        var defined = duck.DefinedFunnel(DefinedSteps);
        var definedTimes = Timed(options.Runs, () => duck.DefinedFunnel(DefinedSteps));

        var append = duck.Append(moreCsv);
        var moreRows = duck.RowCount() - rows;
        log.WriteLine($"DuckDB: {moreRows:N0} more rows appended in {append.TotalSeconds:F2} s");
        return new DuckDbFigures(rows, load, loadCpu, counts, rawTimes, sessionsBuild, sessionsTimes, defined, definedTimes,
            moreRows, append, duck.OrderedFunnelByDevice(options.Channel), duck.DefinedFunnel(DefinedSteps));
    }

    private static List<double> Timed(int runs, Action run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            run();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static void RequireRows(string import, long duckRows, ImportMeasurement measured)
    {
        if (measured.RowsStored != duckRows || measured.RowsRejected != 0 || measured.RowsDuplicate != 0)
        {
            throw new EnginesDisagreeException(
                $"The engines hold different rows after {import}: DuckDB {duckRows:N0}, FunnelInsight stored {measured.RowsStored:N0} (rejected {measured.RowsRejected:N0}, duplicate {measured.RowsDuplicate:N0}).");
        }
    }

    // After the second import, with a new analytics instance (as a dashboard started then would have): both funnels as DuckDB counts them; the time of the first.
    private static async Task<TimeSpan> CountsAfterAsync(string databasePath, BenchmarkOptions options, DuckDbFigures duck)
    {
        var database = new FunnelDatabase($"Data Source={databasePath}", BenchmarkEngine.Options);
        var store = await new StoreCatalog(database).FindAsync(ImportProcess.StoreName)
            ?? throw new InvalidOperationException("The import created no store.");
        var engine = new EngineFunnel(database, store.Id);
        var (counts, first) = await engine.OrderedFunnelByDeviceAsync(options.Channel);
        RequireAgreement("DuckDB after the second file", duck.CountsAfter, "FunnelInsight after the second import", counts);
        var (defined, _) = await engine.DefinedFunnelAsync(DefinedSteps);
        RequireSame("The user-defined funnel after the second import", duck.DefinedAfter, defined);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return first;
    }

    // The dashboard as its own process on the whole store: both funnels through its API (first answers, then timed
    // ones), counted as DuckDB counts them, and its peak memory.
    private static async Task<DashboardFigures> DashboardAsync(string databasePath, BenchmarkOptions options, DuckDbFigures duck)
    {
        var database = new FunnelDatabase($"Data Source={databasePath}", BenchmarkEngine.Options);
        var storeId = (await new StoreCatalog(database).FindAsync(ImportProcess.StoreName))!.Id;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var dashboard = await DashboardProcess.StartAsync(databasePath);
        var stageQuery = "channel=" + Uri.EscapeDataString(options.Channel) + "&breakdown=device";
        var definedQuery = "steps=" + Uri.EscapeDataString(string.Join(',', DefinedSteps));
        var (firstStage, firstStageTime) = await dashboard.FunnelAsync(storeId, stageQuery);
        RequireAgreement("DuckDB", duck.CountsAfter, "the dashboard", DashboardProcess.BreakdownCounts(firstStage));
        var (firstDefined, _) = await dashboard.FunnelAsync(storeId, definedQuery);
        RequireSame("The dashboard's user-defined funnel", duck.DefinedAfter, DashboardProcess.TotalCounts(firstDefined));
        var times = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            var (again, elapsed) = await dashboard.FunnelAsync(storeId, stageQuery);
            RequireAgreement("DuckDB", duck.CountsAfter, "the dashboard", DashboardProcess.BreakdownCounts(again));
            times.Add(elapsed.TotalMilliseconds);
            (again, _) = await dashboard.FunnelAsync(storeId, definedQuery);
            RequireSame("The dashboard's user-defined funnel", duck.DefinedAfter, DashboardProcess.TotalCounts(again));
        }

        return new DashboardFigures(dashboard.PeakResidentBytes / 1e6, dashboard.CpuTime.TotalSeconds, firstStageTime.TotalMilliseconds, Median.Of(times));
    }

    private static void RequireSame(string what, IReadOnlyList<long> duck, IReadOnlyList<long> funnelInsight)
    {
        if (!duck.SequenceEqual(funnelInsight))
        {
            throw new EnginesDisagreeException($"{what} differs: DuckDB {string.Join(' ', duck)}, FunnelInsight {string.Join(' ', funnelInsight)}.");
        }
    }

    /// <summary>The user-defined funnel both sides count: four event names of the generated sessions.</summary>
    public static IReadOnlyList<string> DefinedSteps { get; } = ["view_item_list", "view_item", "add_to_cart", "purchase"];

    private static async Task<DefinedFunnelFigures> DefinedFunnelAsync(string databasePath, BenchmarkOptions options, long[] duckCounts, List<double> duckTimes)
    {
        var database = new FunnelDatabase($"Data Source={databasePath}", BenchmarkEngine.Options);
        var store = await new StoreCatalog(database).FindAsync(ImportProcess.StoreName)
            ?? throw new InvalidOperationException("The import created no store.");
        var engine = new EngineFunnel(database, store.Id);
        var (counts, _) = await engine.DefinedFunnelAsync(DefinedSteps);
        RequireSame("The user-defined funnel", duckCounts, counts);

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
        var database = new FunnelDatabase($"Data Source={databasePath}", BenchmarkEngine.Options);
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

    private static StageCounts RequireAgreement(string leftName, StageCounts left, string rightName, StageCounts right)
    {
        var differences = StageCounts.Differences(left, right);
        if (differences.Count > 0)
        {
            throw new EnginesDisagreeException(
                $"{leftName} and {rightName} disagree on {differences.Count} stage count(s) (first column {leftName}):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", differences.Select(d => d.Replace("duckdb", leftName, StringComparison.Ordinal).Replace("funnelinsight", rightName, StringComparison.Ordinal))));
        }

        return right;
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

/// <summary>What DuckDB measured and counted, in memory.</summary>
internal sealed record DuckDbFigures(
    long Rows, TimeSpan Load, TimeSpan LoadCpu, StageCounts Counts, List<double> RawTimes, TimeSpan SessionsBuild, List<double> SessionsTimes,
    long[] Defined, List<double> DefinedTimes, long MoreRows, TimeSpan Append, StageCounts CountsAfter, long[] DefinedAfter);
