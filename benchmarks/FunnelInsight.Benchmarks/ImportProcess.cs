using System.Diagnostics;
using System.Globalization;
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
    public static async Task<ImportMeasurement> RunAsync(string csvPath, string databasePath, TextWriter log, EventEngine engine = EventEngine.DuckDb)
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
        start.Environment["Events__Engine"] = engine.ToString();
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
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            cpu = Max(cpu, CpuTime(process.Id));
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

    // VmHWM is the kernel's own high-water mark of resident memory, so polling misses nothing but the last instants.
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..^"kB".Length].Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux).
    private static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
