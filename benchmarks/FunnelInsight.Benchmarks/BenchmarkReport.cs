using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FunnelInsight.Benchmarks;

/// <summary>The figures of one benchmark run, with the design's targets beside them.</summary>
internal sealed record BenchmarkReport(
    long Events,
    double FileMegabytes,
    string Machine,
    string Channel,
    int Runs,
    double DuckDbLoadSeconds,
    double ImportSeconds,
    double DuckDbLoadCpuSeconds,
    double DuckDbFileLoadSeconds,
    double ImportCpuSeconds,
    double DuckDbQueryMs,
    double FunnelInsightFirstQueryMs,
    double FunnelInsightQueryMs,
    double PeakImportMegabytes,
    IReadOnlyDictionary<string, long?[]> StageCountsByDevice)
{
    /// <summary>The user-defined 4-step funnel over raw events, side by side with hand-written DuckDB SQL.</summary>
    public required DefinedFunnelFigures DefinedFunnel { get; init; }

    /// <summary>DuckDB's funnel over its raw events table (median, ms): context; the peer of the query is its sessions table (<see cref="DuckDbQueryMs"/>).</summary>
    public double DuckDbRawQueryMs { get; init; }

    /// <summary>How long DuckDB took to build its own sessions table from the loaded events.</summary>
    public double DuckDbSessionsBuildSeconds { get; init; }

    /// <summary>The second, smaller import into the store.</summary>
    public required MoreImportFigures More { get; init; }

    /// <summary>The dashboard process serving the store.</summary>
    public required DashboardFigures Dashboard { get; init; }

    /// <summary>Target: the user-defined funnel within 1.5× the hand-written SQL.</summary>
    public const double DefinedRatioTarget = 1.5;

    /// <summary>Target: import within 1.5× DuckDB's in-memory load at 10,000,000 events and more, within 2× below.</summary>
    public double ImportRatioTarget => Events >= 10_000_000 ? 1.5 : 2;

    /// <summary>Target: the dashboard's funnel query at most half DuckDB's over a sessions table it built itself.</summary>
    public const double QueryRatioTarget = 0.5;

    /// <summary>Target: the second import (100,000 events) at most a tenth of the full import's time.</summary>
    public const double MoreRatioTarget = 0.1;

    /// <summary>Target: import peak memory under 600 MB.</summary>
    public const double PeakMemoryTargetMegabytes = 600;

    /// <summary>Target: the dashboard's peak memory under 1 GB with the store open and queried.</summary>
    public const double DashboardMemoryTargetMegabytes = 1000;

    public double ImportRatio => ImportSeconds / DuckDbLoadSeconds;

    /// <summary>The import against DuckDB loading into a database file and checkpointing it: both engines on disk. Context, not the target.</summary>
    public double ImportToFileLoadRatio => ImportSeconds / DuckDbFileLoadSeconds;

    /// <summary>CPU time over CPU time: the import's cost against DuckDB's whatever else the machine is doing.</summary>
    public double ImportCpuRatio => ImportCpuSeconds / DuckDbLoadCpuSeconds;

    /// <summary>Warm median over DuckDB's median over its sessions table: the dashboard's repeated query against the fair peer.</summary>
    public double QueryRatio => FunnelInsightQueryMs / DuckDbQueryMs;

    /// <summary>The first query after the import (loads the store's rollups into memory) over DuckDB's median.</summary>
    public double FirstQueryRatio => FunnelInsightFirstQueryMs / DuckDbQueryMs;

    public bool ImportTargetMet => ImportRatio <= ImportRatioTarget;

    public bool QueryTargetMet => QueryRatio <= QueryRatioTarget;

    public bool MemoryTargetMet => PeakImportMegabytes < PeakMemoryTargetMegabytes;

    /// <summary>The small table the benchmark prints.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Format($"{Events:N0} events ({FileMegabytes:F0} MB), funnel filtered by channel = {Channel}, by device; {Machine}"));
        text.AppendLine("| measure | DuckDB | FunnelInsight | ratio | target |");
        text.AppendLine("|---|---:|---:|---:|---|");
        text.AppendLine(Format($"| load / import, process start to exit (s) | {DuckDbLoadSeconds:F2} | {ImportSeconds:F2} | {ImportRatio:F2}× | ≤ {ImportRatioTarget}× {Met(ImportTargetMet)} |"));
        text.AppendLine(Format($"| load / import CPU time (s) | {DuckDbLoadCpuSeconds:F2} | {ImportCpuSeconds:F2} | {ImportCpuRatio:F2}× | |"));
        text.AppendLine(Format($"| load into a database file, checkpointed (s) | {DuckDbFileLoadSeconds:F2} | {ImportSeconds:F2} | {ImportToFileLoadRatio:F2}× | (context) |"));
        text.AppendLine(Format($"| {More.Events:N0} more events: append / import (s) | {More.DuckDbAppendSeconds:F2} | {More.ImportSeconds:F2} ({More.ImportCpuSeconds:F1} CPU) | {More.ImportSeconds / ImportSeconds:F3}× the full import | ≤ {MoreRatioTarget}× {Met(More.ImportSeconds / ImportSeconds <= MoreRatioTarget)} |"));

        text.AppendLine(Format($"| DuckDB builds its sessions table (s) | {DuckDbSessionsBuildSeconds:F2} | | | (context) |"));
        text.AppendLine(Format($"| funnel, filter and breakdown, median of {Runs} (ms): DuckDB over its sessions table | {DuckDbQueryMs:F1} | {FunnelInsightQueryMs:F1} | {QueryRatio:F2}× | ≤ {QueryRatioTarget}× {Met(QueryTargetMet)} |"));
        text.AppendLine(Format($"| the same funnel, DuckDB over raw events (ms) | {DuckDbRawQueryMs:F1} | {FunnelInsightQueryMs:F1} | {FunnelInsightQueryMs / DuckDbRawQueryMs:F3}× | (context) |"));
        text.AppendLine(Format($"| first query after import (ms) | | {FunnelInsightFirstQueryMs:F1} | {FirstQueryRatio:F2}× | |"));
        text.AppendLine(Format($"| user-defined funnel {DefinedFunnel.Steps} over raw events, median of {Runs} (ms) | {DefinedFunnel.DuckDbMs:F1} | {DefinedFunnel.FunnelInsightMs:F1} | {DefinedFunnel.Ratio:F2}× | ≤ {DefinedRatioTarget}× {Met(DefinedFunnel.Ratio <= DefinedRatioTarget)} |"));
        text.AppendLine(Format($"| first query after the second import (ms) | | {More.FirstQueryMs:F1} | | |"));
        text.AppendLine(Format($"| import peak memory (MB) | | {PeakImportMegabytes:F0} (second import {More.PeakMegabytes:F0}) | | < {PeakMemoryTargetMegabytes} {Met(MemoryTargetMet && More.PeakMegabytes < PeakMemoryTargetMegabytes)} |"));
        text.AppendLine(Format($"| dashboard: funnel through its API, first / median of {Runs} (ms) | | {Dashboard.FirstQueryMs:F1} / {Dashboard.QueryMs:F1} | | |"));
        text.AppendLine(Format($"| dashboard peak memory, store open and queried (MB) | | {Dashboard.PeakMegabytes:F0} ({Dashboard.CpuSeconds:F1} s CPU) | | < {DashboardMemoryTargetMegabytes} {Met(Dashboard.PeakMegabytes < DashboardMemoryTargetMegabytes)} |"));

        return text.ToString().TrimEnd();
    }

    /// <summary>Writes the report as indented JSON.</summary>
    public void WriteJson(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static string Met(bool met) => met ? "met" : "MISSED";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The user-defined funnel's figures: the same counts from both, and each one's median time.</summary>
/// <param name="Steps">The steps, as written.</param>
/// <param name="Counts">Sessions per step (equal in both).</param>
/// <param name="DuckDbMs">The hand-written SQL's median.</param>
/// <param name="FunnelInsightMs">FunnelInsight's median, through its analytics engine.</param>
internal sealed record DefinedFunnelFigures(string Steps, IReadOnlyList<long> Counts, double DuckDbMs, double FunnelInsightMs)
{
    public double Ratio => FunnelInsightMs / DuckDbMs;
}

/// <summary>The second import into the store: <see cref="Events"/> more events (see <c>EventFile.EnsureMore</c>).</summary>
/// <param name="Events">Events in the second file.</param>
/// <param name="ImportSeconds">Process start to exit.</param>
/// <param name="ImportCpuSeconds">Its CPU time.</param>
/// <param name="PeakMegabytes">Its peak resident memory.</param>
/// <param name="DuckDbAppendSeconds">DuckDB appending the same file to its in-memory table (context).</param>
/// <param name="FirstQueryMs">FunnelInsight's first funnel query afterwards, with a new analytics instance.</param>
internal sealed record MoreImportFigures(long Events, double ImportSeconds, double ImportCpuSeconds, double PeakMegabytes, double DuckDbAppendSeconds, double FirstQueryMs);

/// <summary>The dashboard process on the whole store.</summary>
/// <param name="PeakMegabytes">Its peak resident memory (VmHWM) after both funnels were asked.</param>
/// <param name="CpuSeconds">Its CPU time, start-up included.</param>
/// <param name="FirstQueryMs">Its first answer to the stage funnel (loads the store's sessions), through HTTP.</param>
/// <param name="QueryMs">The median of its later answers to it.</param>
internal sealed record DashboardFigures(double PeakMegabytes, double CpuSeconds, double FirstQueryMs, double QueryMs);
