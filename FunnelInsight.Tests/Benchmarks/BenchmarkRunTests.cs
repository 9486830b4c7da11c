using FunnelInsight.Benchmarks;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Benchmarks;

public class BenchmarkRunTests
{
    [Fact]
    public async Task Quick_benchmark_imports_through_the_command_line_and_both_engines_agree()
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
        Assert.Equal(4, report.DefinedFunnel!.Counts.Count);
        Assert.True(report.DefinedFunnel.Counts[0] > report.DefinedFunnel.Counts[3] && report.DefinedFunnel.Counts[3] > 0, string.Join(' ', report.DefinedFunnel.Counts));
        Assert.False(File.Exists(Path.Combine(temp.Folder, "funnelinsight-100000.db")));
    }
}
