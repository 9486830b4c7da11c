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
    /// <summary>The user-defined 4-step funnel over raw events, side by side with hand-written DuckDB SQL; null when the engine cannot count it.</summary>
    public DefinedFunnelFigures? DefinedFunnel { get; init; }

    /// <summary>Design target: the user-defined funnel within 1.5× the hand-written SQL.</summary>
    public const double DefinedRatioTarget = 1.5;

    /// <summary>Design target: import within 2× DuckDB's load.</summary>
    public const double ImportRatioTarget = 2;

    /// <summary>Design target: the funnel query at most DuckDB's time.</summary>
    public const double QueryRatioTarget = 1;

    /// <summary>Design target: import peak memory under 600 MB.</summary>
    public const double PeakMemoryTargetMegabytes = 600;

    public double ImportRatio => ImportSeconds / DuckDbLoadSeconds;

    /// <summary>The import against DuckDB loading into a database file and checkpointing it: both engines on disk. Context, not the target.</summary>
    public double ImportToFileLoadRatio => ImportSeconds / DuckDbFileLoadSeconds;

    /// <summary>CPU time over CPU time: the import's cost against DuckDB's whatever else the machine is doing.</summary>
    public double ImportCpuRatio => ImportCpuSeconds / DuckDbLoadCpuSeconds;

    /// <summary>Warm median over DuckDB's median: the dashboard's repeated query against DuckDB's.</summary>
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
        text.AppendLine(Format($"| load / import (s) | {DuckDbLoadSeconds:F2} | {ImportSeconds:F2} | {ImportRatio:F2}× | ≤ {ImportRatioTarget}× {Met(ImportTargetMet)} |"));
        text.AppendLine(Format($"| load into a database file, checkpointed (s) | {DuckDbFileLoadSeconds:F2} | {ImportSeconds:F2} | {ImportToFileLoadRatio:F2}× | (context) |"));
        text.AppendLine(Format($"| load / import CPU time (s) | {DuckDbLoadCpuSeconds:F2} | {ImportCpuSeconds:F2} | {ImportCpuRatio:F2}× | |"));
        text.AppendLine(Format($"| funnel query, median of {Runs} (ms) | {DuckDbQueryMs:F1} | {FunnelInsightQueryMs:F1} | {QueryRatio:F2}× | ≤ {QueryRatioTarget}× {Met(QueryTargetMet)} |"));
        if (DefinedFunnel is { } defined)
        {
            text.AppendLine(Format($"| user-defined funnel {defined.Steps} over raw events, median of {Runs} (ms) | {defined.DuckDbMs:F1} | {defined.FunnelInsightMs:F1} | {defined.Ratio:F2}× | ≤ {DefinedRatioTarget}× {Met(defined.Ratio <= DefinedRatioTarget)} |"));
        }
        text.AppendLine(Format($"| first query after import (ms) | | {FunnelInsightFirstQueryMs:F1} | {FirstQueryRatio:F2}× | |"));
        text.Append(Format($"| import peak memory (MB) | | {PeakImportMegabytes:F0} | | < {PeakMemoryTargetMegabytes} {Met(MemoryTargetMet)} |"));
        return text.ToString();
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
