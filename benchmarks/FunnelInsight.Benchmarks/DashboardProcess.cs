using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Instance;

namespace FunnelInsight.Benchmarks;

/// <summary>
/// The dashboard (FunnelInsight.Web.dll, the same host as <see cref="ImportProcess"/>) as a child process on the
/// benchmark's database, asked for reports through its HTTP API as the command line asks it (the operator token of its
/// instance file), so that its peak memory (<c>VmHWM</c>) is that of a dashboard serving the store.
/// </summary>
internal sealed class DashboardProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StringBuilder _log;

    private DashboardProcess(Process process, HttpClient http, StringBuilder log) => (_process, _http, _log) = (process, http, log);

    /// <summary>Starts the dashboard on <paramref name="databasePath"/> on a loopback port the system picks; returns once it has written its instance file.</summary>
    /// <exception cref="InvalidOperationException">It exited, or did not come up in time.</exception>
    public static async Task<DashboardProcess> StartAsync(string databasePath)
    {
        var start = new ProcessStartInfo(ImportProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        foreach (var arg in new[] { ImportProcess.WebAssembly(), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__FunnelInsight"] = $"Data Source={databasePath}";
        BenchmarkEngine.Apply(start);
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The dashboard did not start.");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instancePath = DashboardInstance.PathOf(new FunnelDatabase($"Data Source={databasePath}", BenchmarkEngine.Options));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with code {process.ExitCode}: {log}");
            }

            if (DashboardInstance.Read(instancePath) is { } instance && instance.ProcessId == process.Id)
            {
                var http = new HttpClient { BaseAddress = instance.Url, Timeout = TimeSpan.FromMinutes(10) };
                http.DefaultRequestHeaders.Add(OperatorCredential.Header, instance.OperatorToken);
                return new DashboardProcess(process, http, log);
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException($"The dashboard wrote no instance file within {StartTimeout.TotalSeconds} s: {log}");
    }

    /// <summary>The dashboard's peak resident memory so far.</summary>
    public long PeakResidentBytes => ProcStatus.PeakResidentBytes(_process.Id);

    /// <summary>The dashboard's CPU time so far.</summary>
    public TimeSpan CpuTime => ProcStatus.CpuTime(_process.Id);

    /// <summary>
    /// The funnel report of <paramref name="storeId"/> for the query keys <paramref name="query"/>
    /// (<c>GET /api/stores/{id}/reports/funnel.json</c>); its JSON and how long the answer took.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dashboard did not answer 200.</exception>
    public async Task<(JsonDocument Report, TimeSpan Elapsed)> FunnelAsync(int storeId, string query)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(new Uri($"api/stores/{storeId.ToString(CultureInfo.InvariantCulture)}/reports/funnel.json?{query}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = stopwatch.Elapsed;
        return response.IsSuccessStatusCode
            ? (JsonDocument.Parse(body), elapsed)
            : throw new InvalidOperationException($"The dashboard answered {(int)response.StatusCode}: {body}{Environment.NewLine}{Log}");
    }

    /// <summary>Sessions reaching each stage, per breakdown value, of a funnel report's JSON.</summary>
    public static StageCounts BreakdownCounts(JsonDocument report) => new(report.RootElement.GetProperty("breakdown").EnumerateArray().ToDictionary(
        b => b.GetProperty("value").ValueKind == JsonValueKind.String ? b.GetProperty("value").GetString()! : StageCounts.NotSet,
        b => Reached(b.GetProperty("stages")).ToArray(),
        StringComparer.Ordinal));

    /// <summary>Sessions reaching each step of a funnel report's JSON (its whole funnel).</summary>
    public static long[] TotalCounts(JsonDocument report) => [.. Reached(report.RootElement.GetProperty("stages")).Select(r => r ?? 0)];

    private static IEnumerable<long?> Reached(JsonElement stages) => stages.EnumerateArray().Select(s =>
        s.GetProperty("reached").ValueKind == JsonValueKind.Number ? s.GetProperty("reached").GetInt64() : (long?)null);

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    /// <summary>Stops the dashboard (it is killed: the benchmark deletes its database next).</summary>
    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
