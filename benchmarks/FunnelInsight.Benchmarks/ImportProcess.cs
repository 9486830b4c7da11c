using System.Diagnostics;
using System.Text.Json;
using FunnelInsight.Core.Events;

namespace FunnelInsight.Benchmarks;

/// <summary>What one command-line import did, as the child process reported it and as the benchmark measured it.</summary>
/// <param name="Elapsed">Wall time from starting the process to its exit (start-up and migrations included).</param>
/// <param name="CpuTime">User and system CPU time of the process (robust to other work on a shared machine).</param>
/// <param name="PeakMemoryBytes">The process's peak resident memory (VmHWM).</param>
/// <param name="RowsStored">Events stored.</param>
/// <param name="RowsRejected">Rows rejected as unreadable.</param>
/// <param name="RowsDuplicate">Rows skipped as already stored.</param>
internal sealed record ImportMeasurement(TimeSpan Elapsed, TimeSpan CpuTime, long PeakMemoryBytes, long RowsStored, long RowsRejected, long RowsDuplicate);

/// <summary>
/// Runs FunnelInsight's own <c>import</c> verb (the built FunnelInsight.Web.dll, the same code path as the upload page)
/// in a child process, so its peak memory is the import's alone, polled from <c>/proc/PID/status</c>.
/// </summary>
internal static class ImportProcess
{
    /// <summary>The store the benchmark imports into.</summary>
    public const string StoreName = "bench";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Imports <paramref name="csvPath"/> into the SQLite file <paramref name="databasePath"/>; progress lines go to <paramref name="log"/>.</summary>
    /// <exception cref="InvalidOperationException">The import exited with an error.</exception>
    public static async Task<ImportMeasurement> RunAsync(string csvPath, string databasePath, TextWriter log)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { WebAssembly(), "import", "--store", StoreName, "--events", csvPath })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__FunnelInsight"] = $"Data Source={databasePath}";
        BenchmarkEngine.Apply(start);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The import process did not start.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine("  " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcStatus.PeakResidentBytes(process.Id));
            cpu = ProcStatus.Max(cpu, ProcStatus.CpuTime(process.Id));
            await Task.Delay(PollInterval);
        }

        await process.WaitForExitAsync();
        var elapsed = stopwatch.Elapsed;
        var lastLine = (await output).TrimEnd().Split('\n')[^1];
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The import exited with code {process.ExitCode}: {lastLine}");
        }

        using var json = JsonDocument.Parse(lastLine);
        var root = json.RootElement;
        return new ImportMeasurement(elapsed, cpu, peak, root.GetProperty("rowsStored").GetInt64(),
            root.GetProperty("rowsRejected").GetInt64(), root.GetProperty("rowsDuplicate").GetInt64());
    }

    /// <summary>
    /// The web host's assembly: the ReadyToRun copy a Release build of the benchmark publishes into <c>web/</c>, as it is
    /// deployed, or else the one built beside the benchmark.
    /// </summary>
    public static string WebAssembly()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "web", "FunnelInsight.Web.dll");
        var path = File.Exists(published) ? published : Path.Combine(AppContext.BaseDirectory, "FunnelInsight.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("FunnelInsight.Web.dll is not beside the benchmark; build the benchmark project.", path);
    }

    // `dotnet run` and `dotnet test` name the host they run under; otherwise the one on PATH.
    public static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
