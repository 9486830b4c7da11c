using System.Diagnostics;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class CommandLineTests : CommandLineRunTests
{
    /// <summary>Runs the built <c>FunnelInsight.Web.dll</c> as its own process, the database given in its environment.</summary>
    private async Task<(int Exit, string Output, string Error)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Cli.Folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FunnelInsight.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__FunnelInsight"] = Cli.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_built_tool_takes_its_database_from_the_environment_and_paths_from_its_working_folder()
    {
        File.Copy(Fixture.Path("rees46-events.csv"), Path.Combine(Cli.Folder, "october.csv"));

        var import = await RunProcessAsync("import", "--store", "Kaggle", "--events", "october.csv");
        var stores = await RunProcessAsync("stores");

        Assert.Equal(0, import.Exit);
        Assert.Contains("\"format\":\"rees46\"", CommandLineRun.LastLine(import.Output), StringComparison.Ordinal);
        Assert.Equal((0, """[{"id":1,"name":"Kaggle","events":9,"orders":0,"sessions":4}]"""), (stores.Exit, CommandLineRun.LastLine(stores.Output)));
        Assert.True(File.Exists(Path.Combine(Cli.Folder, "cli.db")));
    }

    [Fact]
    public async Task The_built_tool_exits_non_zero_with_one_line_on_stderr_for_a_missing_file()
    {
        var run = await RunProcessAsync("import", "--store", "Kaggle", "--events", "missing.csv");

        Assert.Equal((2, "import: file 'missing.csv' not found.", ""), (run.Exit, run.Error.TrimEnd(), run.Output));
    }
}
