using FunnelInsight.Web.Cli;
using Microsoft.Extensions.Configuration;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// The real command line run inside the test process on a test's database, for the tests of what a verb does rather
/// than of the process (its environment, signals, exit on Ctrl-C): <see cref="ChildProcess"/> and <see cref="TestApp"/> run the
/// program where that is.
/// </summary>
internal static class InProcessCommand
{
    /// <summary>Runs a verb on <paramref name="database"/> with <paramref name="stdin"/> as its standard input; its exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(TempDatabase database, string stdin, params string[] args) =>
        RunWithAsync(database, new Dictionary<string, string>(), stdin, args);

    /// <summary>
    /// Runs a verb on <paramref name="database"/> with <paramref name="extra"/> settings (named as environment variables,
    /// <c>Section__Key</c>) and <paramref name="stdin"/> as its standard input; its exit code, stdout and stderr.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithAsync(TempDatabase database, IReadOnlyDictionary<string, string> extra, string stdin, params string[] args)
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(database.AppSettings.Concat(extra)
                .Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = await CommandLine.RunAsync(args, output, error, settings, input);
        return (exit, output.ToString(), error.ToString());
    }
}
