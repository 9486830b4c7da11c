using FunnelInsight.Benchmarks;

// FunnelInsight against DuckDB on a generated event file: import vs load, funnel query vs SQL, import peak memory;
// or, with --unterminated-quote, an import's recovery from one damaged row and its memory at two file sizes.
// Exit codes: 0 done, 1 the engines disagree, 2 bad arguments.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
    return 2;
}

try
{
    if (options.Threads is { } threads)
    {
        BenchmarkEngine.UseThreads(threads);
    }

    if (options.ClickHouse is { } clickHouse)
    {
        await BenchmarkEngine.UseClickHouseAsync(clickHouse, options.Shards);
    }

    if (options.UnterminatedQuote)
    {
        var recovery = await QuoteRecoveryRun.RunAsync(options, Console.Out);
        Console.WriteLine();
        Console.WriteLine(QuoteRecoveryRun.ToTable(recovery));
        return 0;
    }

    var report = await BenchmarkRun.RunAsync(options, Console.Out);
    Console.WriteLine();
    Console.WriteLine(report.ToTable());
    Directory.CreateDirectory(options.OutFolder);
    var path = Path.Combine(options.OutFolder, "benchmark-results.json");
    report.WriteJson(path);
    Console.WriteLine($"Written {path}");
    return 0;
}
catch (EnginesDisagreeException ex)
{
    await Console.Error.WriteLineAsync("FAILED: " + ex.Message);
    return 1;
}
