namespace FunnelInsight.Tests.Web.Cli;

public sealed class GenerateCommandTests : CommandLineRunTests
{
    [Fact]
    public async Task Generate_twice_with_one_seed_writes_identical_files_and_reports_them_as_json()
    {
        var first = Path.Combine(Cli.Folder, "a");
        var second = Path.Combine(Cli.Folder, "b");

        var run = await Cli.RunAsync("generate", "--events", "2500", "--orders", "300", "--out", first, "--seed", "4");
        await Cli.RunAsync("generate", "--events", "2500", "--orders", "300", "--out", second, "--seed", "4");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(CommandLineRun.LastLine(run.Output));
        Assert.Equal(2500, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(Path.Combine(first, "orders.csv"), json.RootElement.GetProperty("files")[1].GetString());
        Assert.Equal(2501, File.ReadAllLines(Path.Combine(first, "events.csv")).Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "events.csv")), File.ReadAllBytes(Path.Combine(second, "events.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "orders.csv")), File.ReadAllBytes(Path.Combine(second, "orders.csv")));
    }

    [Fact]
    public async Task Generate_with_a_count_that_is_not_a_number_fails_with_one_line_on_stderr()
    {
        var run = await Cli.RunAsync("generate", "--events", "lots", "--out", Cli.Folder);

        Assert.Equal(2, run.Exit);
        Assert.Equal("generate: --events must be a whole number ≥ 0, not 'lots'.", run.Error.TrimEnd());
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Generate_into_a_folder_it_cannot_create_fails_with_one_line_on_stderr()
    {
        var file = Cli.WriteFile("a-file", "");

        var run = await Cli.RunAsync("generate", "--events", "10", "--out", Path.Combine(file, "sub"));

        Assert.Equal(1, run.Exit);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("generate: ", run.Error, StringComparison.Ordinal);
    }
}
