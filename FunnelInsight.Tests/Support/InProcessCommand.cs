using FunnelInsight.Web.Cli;
using Microsoft.Extensions.Configuration;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// The real command line run inside the test process on a test's database, for the tests of what a verb does rather
/// than of the process (its environment, signals): <see cref="TestApp.RunCommandWithAsync"/> runs the program where that is.
/// </summary>
internal static class InProcessCommand
{
    /// <summary>Runs a verb on <paramref name="database"/> with <paramref name="stdin"/> as its standard input; its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TempDatabase database, string stdin, params string[] args)
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(database.AppSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = await CommandLine.RunAsync(args, output, error, settings, input);
        return (exit, output.ToString(), error.ToString());
    }
}
