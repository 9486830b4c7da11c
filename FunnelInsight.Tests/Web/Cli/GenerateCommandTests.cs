using System.Text.Json;
using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

[Collection(CommandLineTestGroup.Name)]
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Generate_twice_with_one_seed_writes_identical_files_and_reports_them_as_json()
    {
        var first = Path.Combine(_folder, "a");
        var second = Path.Combine(_folder, "b");

        var run = await Run("generate", "--events", "2500", "--orders", "300", "--out", first, "--seed", "4");
        await Run("generate", "--events", "2500", "--orders", "300", "--out", second, "--seed", "4");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(2500, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(Path.Combine(first, "orders.csv"), json.RootElement.GetProperty("files")[1].GetString());
        Assert.Equal(2501, File.ReadAllLines(Path.Combine(first, "events.csv")).Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "events.csv")), File.ReadAllBytes(Path.Combine(second, "events.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "orders.csv")), File.ReadAllBytes(Path.Combine(second, "orders.csv")));
    }

    [Fact]
    public async Task Generate_with_a_count_that_is_not_a_number_fails_with_one_line_on_stderr()
    {
        var run = await Run("generate", "--events", "lots", "--out", _folder);

        Assert.Equal(2, run.Exit);
        Assert.Equal("generate: --events must be a whole number ≥ 0, not 'lots'.", run.Error.TrimEnd());
        Assert.Equal("", run.Output);
    }
}
