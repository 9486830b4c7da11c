using FunnelInsight.Benchmarks;

namespace FunnelInsight.Tests.Benchmarks;

public class BenchmarkRunTests
{
    [Fact]
    public async Task Quick_benchmark_imports_through_the_command_line_twice_and_both_engines_agree_before_and_after_and_in_the_dashboard()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var options = BenchmarkOptions.Parse(["--quick", "--runs", "1", "--work", temp.Folder, "--out", temp.Folder]);

        var report = await BenchmarkRun.RunAsync(options, TextWriter.Null);

        Assert.Equal(100_000, report.Events);
        Assert.Equal([1_966, 1_168, 282, 144, 91], report.StageCountsByDevice["desktop"]);
        Assert.Equal([3_266, 1_743, 261, 96, 60], report.StageCountsByDevice["mobile"]);
        Assert.Equal([444, 253, 44, 21, 13], report.StageCountsByDevice["tablet"]);
        Assert.InRange(report.PeakImportMegabytes, 10, 600);
        // The user-defined 4-step funnel: the engine's SQL and the hand-written one agreed (or the run would have thrown).
        Assert.Equal(4, report.DefinedFunnel.Counts.Count);
        Assert.True(report.DefinedFunnel.Counts[0] > report.DefinedFunnel.Counts[3] && report.DefinedFunnel.Counts[3] > 0, string.Join(' ', report.DefinedFunnel.Counts));
        // A tenth more events went in through a second import, and the dashboard process answered both funnels as DuckDB
        // counts them over both files (the run throws otherwise); its memory was read from /proc.
        Assert.Equal(10_000, report.More.Events);
        Assert.InRange(report.More.PeakMegabytes, 10, 600);
        Assert.InRange(report.Dashboard.PeakMegabytes, 10, 1000);
        Assert.True(report.DuckDbQueryMs > 0 && report.DuckDbSessionsBuildSeconds > 0);
        Assert.False(File.Exists(Path.Combine(temp.Folder, "funnelinsight-100000.db")));
    }
}
